// Load test of the dashboard's API: `npm run bench:load -- [--participants N] [--duration S]`.
//
// Generates the demo data set (etl's generator, default 100,000 participants), loads it with the real
// loader into a fresh database (DATABASE_URL's server, else an embedded Postgres in a temporary
// folder), starts the built server (`node api/dist/main.js`) as its own process on 127.0.0.1,
// signs in, and runs autocannon at 50 and then 200 concurrent connections, each connection cycling
// through the GraphQL operations the dashboard's pages send (the documents of
// web/src/pages/**/use*Query.ts, with the default filter: the last year up to the data's as-of).
// Prints throughput, latency percentiles and errors as a Markdown table. A benchmark, not a test:
// the figures depend on the machine and on what else runs on it. Only loopback traffic.
//
// `--hostile` runs instead two phases of --duration each, the dashboard's mix (10 connections)
// plus a probe user asking a small uncached query in a loop: first alone (the baseline), then with
// a hostile user sending alias floods of the outcome report just under the per-request budget,
// each with new dates (so never cached), on 4 connections. It prints the probe's and the mix's
// latencies in both phases and their ratios, and what became of the hostile requests.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { migrate, projectRoot } from '@iop/db';
import { generateDemoData, loadFiles } from '@iop/etl';
import { hashPassword } from '../../api/src/auth/password';
import { UserStore } from '../../api/src/auth/user-store';
import { benchDatabase, dashboardDocument, freePort } from '../../api/bench/bench-support';
import { CACHED_QUERY_FIELDS } from '../../api/src/figure-cache/cached-figures.decorator';
// For its @CachedFigures({ cost }): the flood's size follows the cost the API charges.
import '../../api/src/outcome-report/outcome-report.resolver';
import { MAX_REQUEST_COST } from '../../api/src/graphql/query-cost';

interface Options {
  participants: number;
  seed: number;
  durationSeconds: number;
  connections: number[];
  dataDir?: string;
  databaseUrl?: string;
  hostile: boolean;
}

/** A page load of each dashboard page, in the order a user might visit them. */
const PAGES: { file: string; variables?: Record<string, unknown> }[] = [
  { file: 'overview/useProgramOverviewQuery.ts' },
  { file: 'retention/useRetentionQuery.ts' },
  { file: 'sobriety/useSobrietyQuery.ts' },
  { file: 'attendance/useAttendanceQuery.ts' },
  { file: 'attendance/useIntensityQuery.ts' },
  { file: 'attendance/useSessionAccountabilityQuery.ts' },
  { file: 'attendance/useEpisodeAccountabilityQuery.ts' },
  { file: 'feedback/useSessionFeedbackQuery.ts' },
  { file: 'at-risk/useEarlyWarningQuery.ts', variables: { limit: 500 } },
  { file: 'groups/useDrilldownGroupsQuery.ts', variables: { groupType: 'process' } },
  { file: 'report/useOutcomeReportQuery.ts' },
];
/** Sent by every page (the filter bar and the data-status line). */
const ON_EVERY_PAGE = ['../filters/useSitesQuery.ts', '../data/useDataFreshnessQuery.ts'];

const log = (line: string): void => void process.stderr.write(`${line}\n`);

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    participants: 100_000,
    seed: 1,
    durationSeconds: 20,
    connections: [50, 200],
    hostile: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1] ?? '';
    const whole = (): number => {
      const n = Number(value.replace(/[_,]/g, ''));
      if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${argv[i]} expects a whole number ≥ 1`);
      i++;
      return n;
    };
    if (argv[i] === '--participants') options.participants = whole();
    else if (argv[i] === '--seed') options.seed = whole();
    else if (argv[i] === '--duration') options.durationSeconds = whole();
    else if (argv[i] === '--hostile') options.hostile = true;
    else if (argv[i] === '--connections') {
      options.connections = value.split(',').map(Number);
      i++;
    } else if (argv[i] === '--data-dir') {
      options.dataDir = value;
      i++;
    } else if (argv[i] === '--database-url') {
      options.databaseUrl = value;
      i++;
    } else throw new Error(`unknown option ${argv[i]}`);
  }
  return options;
}

async function startBuiltServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // IOP_API_MAIN: another entry to start instead (a wrapper that profiles the server, say).
  const child = spawn(
    process.execPath,
    [process.env.IOP_API_MAIN ?? path.join(projectRoot(), 'api', 'dist', 'main.js')],
    {
      cwd: projectRoot(),
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('IOP outcomes dashboard:')) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`the server exited:\n${output}`));
      }
    }, 100);
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function signIn(url: string, username: string, password: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('iop_csrf='))!.slice('iop_csrf='.length);
  return { cookie: cookies.join('; '), 'x-csrf-token': decodeURIComponent(csrf) };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

interface Row {
  connections: number;
  requests: number;
  throughput: number;
  /** Response bytes per second (bodies and headers). */
  bytesPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  graphqlErrors: number;
}

export async function main(argv: readonly string[]): Promise<void> {
  const options = parseArgs(argv);
  const db = options.databaseUrl
    ? { url: options.databaseUrl, close: async () => {} }
    : await benchDatabase(`iop_load_test_${process.pid}`);
  let server: ChildProcess | undefined;
  const ownData = options.dataDir === undefined && !options.databaseUrl;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'iop-load-data-')));
  try {
    const rowsLoaded = options.databaseUrl ? await rowCount(db.url) : await generateAndLoad(options, dataDir, db.url);

    const pool = new Pool({ connectionString: db.url, max: 1 });
    const users = new UserStore({ query: async (sql, params) => (await pool.query(sql, params)).rows });
    const username = `loadtest-${process.pid}`;
    await users.create({
      username,
      passwordHash: await hashPassword('load-test-password'),
      role: 'director',
      siteIds: null,
    });
    const asOf: string = (await pool.query(`SELECT to_char(max(session_date), 'YYYY-MM-DD') AS d FROM group_session`))
      .rows[0].d;
    await pool.end();

    const started = await startBuiltServer(db.url);
    server = started.child;
    const headers = {
      ...(await signIn(started.url, username, 'load-test-password')),
      'content-type': 'application/json',
    };
    const filter = { from: addDays(asOf, -364), to: asOf, asOf, siteIds: null, groupTypes: null };
    const requests: autocannon.Request[] = [];
    for (const page of PAGES) {
      for (const file of [...ON_EVERY_PAGE, page.file]) {
        const query = dashboardDocument(file);
        const variables = file === page.file ? { filter, ...page.variables } : {};
        requests.push({ method: 'POST', path: '/graphql', headers, body: JSON.stringify({ query, variables }) });
      }
    }
    // Each operation once before measuring: a page's first load is not what 200 users see.
    for (const r of requests) {
      const body = (await (
        await fetch(`${started.url}${r.path}`, { method: 'POST', headers, body: r.body as string })
      ).json()) as {
        errors?: unknown[];
      };
      if (body.errors) throw new Error(`the dashboard query failed before the test: ${JSON.stringify(body.errors)}`);
    }

    if (options.hostile) {
      const other = await createUser(db.url, `probe-${process.pid}`);
      const hostile = await createUser(db.url, `hostile-${process.pid}`);
      await hostileComparison(started.url, {
        requests,
        probe: await signIn(started.url, other.username, other.password),
        hostile: await signIn(started.url, hostile.username, hostile.password),
        asOf,
        durationSeconds: options.durationSeconds,
      });
      return;
    }

    const rows: Row[] = [];
    for (const connections of options.connections) {
      log(`${connections} connections for ${options.durationSeconds} s…`);
      let graphqlErrors = 0;
      const result = await autocannon({
        url: started.url,
        connections,
        duration: options.durationSeconds,
        requests,
        timeout: 30,
        setupClient: (client) => {
          client.on('body', (body: Buffer) => {
            if (body.includes('"errors"')) graphqlErrors++;
          });
        },
      });
      rows.push({
        connections,
        requests: result.requests.total,
        throughput: result.requests.average,
        bytesPerSecond: result.throughput.average,
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        graphqlErrors,
      });
    }
    const n = (v: number): string => Math.round(v).toLocaleString('en-US');
    process.stdout.write(
      `\nData: ${options.databaseUrl ? 'loaded before' : `${n(options.participants)} participants (seed ${options.seed})`}, ${n(rowsLoaded)} rows; ` +
        `as-of ${asOf}, period the last 365 days; ${requests.length} operations per cycle; ` +
        `${options.durationSeconds} s per run; ${os.cpus().length} CPUs.\n\n` +
        '| connections | requests | req/s | MB/s | p50 ms | p90 ms | p99 ms | max ms | errors | non-2xx | GraphQL errors |\n' +
        '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n' +
        rows
          .map(
            (r) =>
              `| ${r.connections} | ${n(r.requests)} | ${r.throughput.toFixed(1)} | ${(r.bytesPerSecond / 1e6).toFixed(1)} | ${n(r.p50)} | ${n(r.p90)} | ${n(r.p99)} | ${n(r.max)} | ${r.errors} | ${r.non2xx} | ${r.graphqlErrors} |`,
          )
          .join('\n') +
        '\n',
    );
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await db.close();
    if (ownData) await rm(dataDir, { recursive: true, force: true });
  }
}

async function createUser(url: string, username: string): Promise<{ username: string; password: string }> {
  const password = 'load-test-password';
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const users = new UserStore({ query: async (sql, params) => (await pool.query(sql, params)).rows });
    await users.create({ username, passwordHash: await hashPassword(password), role: 'director', siteIds: null });
  } finally {
    await pool.end();
  }
  return { username, password };
}

/** Latency percentiles (ms) of a list of samples. */
function percentiles(samples: number[]): { n: number; p50: number; p95: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** Sends a small query that the figure cache cannot answer (a new operation name each time), one at a time. */
async function probeLoop(url: string, headers: Record<string, string>, until: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; performance.now() < until; i++) {
    const t0 = performance.now();
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ query: `query Probe${process.pid}_${i}_${Date.now()} { dataFreshness { defaultAsOf } }` }),
    });
    await response.arrayBuffer();
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** The hostile client: alias floods of the outcome report just under the budget, new dates every time. */
async function hostileLoop(
  url: string,
  headers: Record<string, string>,
  asOf: string,
  until: number,
): Promise<{ answered: number; refused: number; other: number }> {
  const counts = { answered: 0, refused: 0, other: 0 };
  const perRequest = Math.floor(MAX_REQUEST_COST / (CACHED_QUERY_FIELDS.get('outcomeReport') ?? 1));
  let day = 0;
  const connection = async (): Promise<void> => {
    while (performance.now() < until) {
      const fields = Array.from({ length: perRequest }, () => {
        const to = addDays(asOf, -(day++ % 3000));
        return `r${day}: outcomeReport(filter: { to: "${to}", asOf: "${asOf}" }) { siteIds figures { value } }`;
      });
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query Flood { ${fields.join(' ')} }` }),
      });
      const body = await response.text();
      if (response.status === 429) counts.refused++;
      else if (response.status === 200 && !body.includes('"errors"')) counts.answered++;
      else counts.other++;
    }
  };
  await Promise.all(Array.from({ length: HOSTILE_CONNECTIONS }, connection));
  return counts;
}

const HOSTILE_CONNECTIONS = 4;
const MIX_CONNECTIONS = 10;

/** Baseline, then the same with the hostile client; prints the other users' delays against the baseline. */
async function hostileComparison(
  url: string,
  run: {
    requests: autocannon.Request[];
    probe: Record<string, string>;
    hostile: Record<string, string>;
    asOf: string;
    durationSeconds: number;
  },
): Promise<void> {
  const phase = async (withHostile: boolean) => {
    log(`${withHostile ? 'with' : 'without'} the hostile client for ${run.durationSeconds} s…`);
    const until = performance.now() + run.durationSeconds * 1000;
    const [mix, probe, hostile] = await Promise.all([
      autocannon({
        url,
        connections: MIX_CONNECTIONS,
        duration: run.durationSeconds,
        requests: run.requests,
        timeout: 30,
      }),
      probeLoop(url, run.probe, until),
      withHostile ? hostileLoop(url, run.hostile, run.asOf, until) : Promise.resolve(undefined),
    ]);
    return { mix, probe: percentiles(probe), hostile };
  };
  const baseline = await phase(false);
  const attacked = await phase(true);
  const f = (v: number): string => v.toFixed(1);
  const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)} ×` : '–');
  const line = (what: string, base: number, hostile: number): string =>
    `| ${what} | ${f(base)} | ${f(hostile)} | ${ratio(hostile, base)} |`;
  process.stdout.write(
    `\nHostile mix: ${MIX_CONNECTIONS} connections of the dashboard's mix and a probe user (small uncached query, ` +
      `one at a time), ${run.durationSeconds} s per phase; the hostile user on ${HOSTILE_CONNECTIONS} connections ` +
      `(outcome report floods at cost ${MAX_REQUEST_COST - (MAX_REQUEST_COST % (CACHED_QUERY_FIELDS.get('outcomeReport') ?? 1))} of ${MAX_REQUEST_COST}); ${os.cpus().length} CPUs.\n\n` +
      '| latency (ms) | baseline | with hostile | ratio |\n|---|---:|---:|---:|\n' +
      [
        line('probe p50', baseline.probe.p50, attacked.probe.p50),
        line('probe p95', baseline.probe.p95, attacked.probe.p95),
        line('probe p99', baseline.probe.p99, attacked.probe.p99),
        line('mix p50', baseline.mix.latency.p50, attacked.mix.latency.p50),
        line('mix p99', baseline.mix.latency.p99, attacked.mix.latency.p99),
      ].join('\n') +
      `\n\nProbe requests: ${baseline.probe.n} baseline, ${attacked.probe.n} with hostile. ` +
      `Mix requests: ${baseline.mix.requests.total} baseline, ${attacked.mix.requests.total} with hostile ` +
      `(non-2xx ${baseline.mix.non2xx} / ${attacked.mix.non2xx}). ` +
      `Hostile requests: ${attacked.hostile!.answered} answered, ${attacked.hostile!.refused} refused (429), ${attacked.hostile!.other} other.\n`,
  );
}

/** Generates the data set (unless --data-dir names one) and loads it; returns the rows inserted. */
async function generateAndLoad(options: Options, dataDir: string, url: string): Promise<number> {
  if (options.dataDir === undefined) {
    log(`generating ${options.participants.toLocaleString('en-US')} participants…`);
    await generateDemoData({ outDir: dataDir, participants: options.participants, seed: options.seed });
  }
  await migrate(url);
  const t0 = performance.now();
  const loaded = await loadFiles(url, [dataDir], { bulk: 'auto' });
  if (loaded.status === 'failed') throw new Error(`the load failed: ${loaded.message}`);
  log(
    `loaded ${loaded.totals.inserted.toLocaleString('en-US')} rows in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  return loaded.totals.inserted;
}

/** The rows inserted by the loads of a database loaded before (--database-url). */
async function rowCount(url: string): Promise<number> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT coalesce(sum(f.inserted), 0) AS n FROM etl_load_file f JOIN etl_load l USING (load_id)
        WHERE l.status IN ('succeeded', 'partial')`,
    );
    return Number(rows[0]!.n);
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    log(`load test: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
