// Metrics API benchmark: `npm run bench:api -- --participants N` (default 100,000).
//
// Generates the demo data set (etl's generator), loads it with the real loader (which fills the
// derived metric tables) into a fresh database (DATABASE_URL's server, else an embedded Postgres in
// a temporary folder), starts the API, signs in as a director, and for each dashboard query (the
// documents of web/src/pages/**/use*Query.ts) and period (last 90 days, last 12 months, all
// history; the dashboard always sends asOf) prints p50/p95 over HTTP and the ratio to running the
// same SQL statements directly. Not a test: figures depend on the machine and its load.

import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { Client, Pool, QueryConfig } from 'pg';
import { migrate, projectRoot, QUERY_SESSION_OPTIONS } from '@iop/db';
import { generateDemoData, loadFiles } from '@iop/etl';
import { hashPassword } from '../src/auth/password';
import { UserStore } from '../src/auth/user-store';
import { addDays, setDerivedDataEnabled } from '../src/episodes';
import { FigureCache, FIGURE_CACHE_ENTRIES } from '../src/figure-cache';
import { startServer } from '../src/server';
import { GraphqlResponse, sessionFor } from '../src/testing/api-test-server';
import { benchDatabase, dashboardDocument, GraphqlPoster, graphqlPoster } from './bench-support';

interface Options {
  participants: number;
  seed: number;
  runs: number;
  live: boolean;
  dataDir?: string;
  databaseUrl?: string;
  only?: string;
  statements: boolean;
}

/** The API's own cost over the SQL it sends (issue 17): HTTP p50 within 1.5 × the bare SQL's p50 + 3 ms. */
const withinOverhead = (httpMs: number, sqlMs: number): boolean => httpMs <= 1.5 * sqlMs + 3;

const QUERIES: {
  name: string;
  file: string;
  /** The operation's name when the file holds more than one document. */
  operation?: string;
  variables?: Record<string, unknown>;
  unfiltered?: true;
  /** Uncached p95 target in ms when not the dashboard's 100 ms (issue #20: the adjusted comparison 1 s). */
  targetMs?: number;
}[] = [
  // The filter bar sends it on every page (the default as-of of every filter): timed once, it takes no filter.
  { name: 'dataFreshness', file: '../data/useDataFreshnessQuery.ts', unfiltered: true },
  { name: 'programOverview', file: 'overview/useProgramOverviewQuery.ts' },
  { name: 'retention', file: 'retention/useRetentionQuery.ts' },
  { name: 'sobriety', file: 'sobriety/useSobrietyQuery.ts' },
  { name: 'episodeAccountability', file: 'attendance/useEpisodeAccountabilityQuery.ts' },
  { name: 'attendance', file: 'attendance/useAttendanceQuery.ts' },
  { name: 'attendanceIntensity', file: 'attendance/useIntensityQuery.ts' },
  { name: 'sessionAccountability', file: 'attendance/useSessionAccountabilityQuery.ts' },
  { name: 'sessionFeedback', file: 'feedback/useSessionFeedbackQuery.ts' },
  { name: 'earlyWarning', file: 'at-risk/useEarlyWarningQuery.ts', variables: { limit: 500 } },
  { name: 'drilldownGroups', file: 'groups/useDrilldownGroupsQuery.ts', variables: { groupType: 'process' } },
  { name: 'outcomeReport', file: 'report/useOutcomeReportQuery.ts' },
  // Case-mix adjusted comparison (Retention page): the Cox model of dropout, the logistic model of completion.
  {
    name: 'adjustedDropout',
    file: 'retention/adjusted/useAdjustedComparisonQuery.ts',
    operation: 'AdjustedDropout',
    targetMs: 1000,
  },
  {
    name: 'adjustedCompletion',
    file: 'retention/adjusted/useAdjustedComparisonQuery.ts',
    operation: 'AdjustedCompletion',
    targetMs: 1000,
  },
  // The Groups page's funnel plot: its default measure (episodes), and attendance (session rows); 1 s as the adjusted comparison.
  { name: 'groupFunnel', file: 'groups/useGroupFunnelQuery.ts', variables: { measure: 'retention90' }, targetMs: 1000 },
  {
    name: 'groupFunnelAttendance',
    file: 'groups/useGroupFunnelQuery.ts',
    variables: { measure: 'attendance' },
    targetMs: 1000,
  },
];

const log = (line: string) => process.stderr.write(`${line}\n`);
const number = new Intl.NumberFormat('en-US');

function wholeNumber(value: string): number {
  const parsed = Number(value.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return parsed;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

/** Slower calls than this get at most SLOW_RUNS timed runs: the figure is far off the target anyway. */
const SLOW_MS = 1000;
const SLOW_RUNS = 5;

/**
 * Times of each of `works` (each resolves to the milliseconds it measured itself), taken in turns:
 * run i of every work before run i + 1 of any, so that all of them see the same moments of a
 * shared, noisy machine and their ratio holds even when its speed drifts during the measurement.
 */
async function timeInTurns(runs: number, works: (() => Promise<number>)[]): Promise<Timing[]> {
  let warm = 0;
  for (const work of works) warm = Math.max(warm, await work()); // warm-up
  const n = warm > SLOW_MS ? Math.min(runs, SLOW_RUNS) : runs;
  const ms = works.map((): number[] => []);
  for (let i = 0; i < n; i++) for (const [w, work] of works.entries()) ms[w]!.push(await work());
  return ms.map((times) => {
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95), runs: n };
  });
}

export async function main(argv: readonly string[]): Promise<void> {
  const options = new Command()
    .name('api-bench')
    .option('--participants <n>', 'demo participants to generate', wholeNumber, 100_000)
    .option('--seed <s>', 'demo data seed', wholeNumber, 1)
    .option('--runs <n>', 'timed runs per query and period', wholeNumber, 30)
    .option('--live', 'also time the live SQL once (derived tables off): slow on big data')
    .option('--data-dir <dir>', 'where the generated data set is kept (default tmp/api-bench-data/…)')
    .option('--database-url <url>', 'measure a database already loaded by the loader (no generation, no load)')
    .option('--only <names>', 'comma-separated query names to measure (default: all)')
    .option(
      '--statements',
      "also print each statement's own bare time (p50 of the timed runs), to see where a query's SQL goes",
      false,
    )
    .parse([...argv], { from: 'user' })
    .opts<Options>();

  const db = options.databaseUrl
    ? { url: options.databaseUrl, close: async () => {} }
    : await benchDatabase(`iop_api_bench_${process.pid}`);
  try {
    const { episodes, attendanceRows, loadSeconds } = options.databaseUrl
      ? await loadedData(options.databaseUrl)
      : await generateAndLoad(options, db.url);

    // Measured as deployed: `npm run bench:api` sets NODE_ENV=production (graphql-js then skips its
    // development checks on every resolved field).
    const server = await startServer({
      databaseUrl: db.url,
      production: process.env.NODE_ENV === 'production',
      host: '127.0.0.1',
      port: 0,
    });
    // The bare SQL runs with the API's own connection settings.
    const pool = new Pool({ connectionString: db.url, max: 10, options: QUERY_SESSION_OPTIONS });
    let poster: GraphqlPoster | undefined;
    try {
      const users = new UserStore({ query: async (sql, params) => (await pool.query(sql, params)).rows });
      await users.create({
        username: `bench-director-${process.pid}`,
        passwordHash: await hashPassword('bench-password-1'),
        role: 'director',
        siteIds: null,
      });
      const session = await sessionFor(server.url, `bench-director-${process.pid}`, 'bench-password-1');
      poster = graphqlPoster(server.url, session);
      const asOf = (await pool.query(`SELECT to_char(as_of, 'YYYY-MM-DD') AS d FROM derived.meta`)).rows[0]
        ?.d as string;
      const periods: [string, Record<string, unknown>][] = [
        ['last 90 days', { from: addDays(asOf, -89), to: asOf, asOf }],
        ['last 12 months', { from: addDays(asOf, -364), to: asOf, asOf }],
        ['all history', { to: asOf, asOf }],
      ];
      const cache = server.app.get(FigureCache);
      const rows: string[] = [];
      const only = options.only?.split(',');
      for (const q of QUERIES.filter((query) => !only || only.includes(query.name))) {
        const document = dashboardDocument(q.file, q.operation);
        for (const [period, filter] of q.unfiltered ? [['(no filter)', {}] as const] : periods) {
          const variables = q.unfiltered ? {} : { ...q.variables, filter };
          // Timed to the answer's last byte; parsed and checked after the clock stops.
          const call = async () => {
            const { ms, body } = await poster!.post(document, variables);
            const r = JSON.parse(body.toString('utf8')) as GraphqlResponse<unknown>;
            if (r.errors?.length) throw new Error(`${q.name}: ${r.errors[0]!.message}`);
            return ms;
          };
          // The statements the API sends for this call, replayed directly as the bare SQL (named
          // ones as the same prepared statements: see queryPrepared).
          cache.resize(0); // the queries themselves first (cache off), then answered from the figure cache
          const statements = await statementsOf(call);
          const metricStatements = statements.filter((s) => !/audit_log|user_session|app_user/.test(s.text));
          const [http, bare] = await timeInTurns(options.runs, [
            call,
            async () => {
              const t0 = performance.now();
              for (const statement of metricStatements) await pool.query(statement);
              return performance.now() - t0;
            },
          ]);
          if (options.statements) await logStatementTimes(pool, metricStatements, options.runs);
          cache.resize(FIGURE_CACHE_ENTRIES);
          const [cached] = await timeInTurns(options.runs, [call]);
          let live = '';
          if (options.live) {
            setDerivedDataEnabled(false);
            live = `${Math.round(await call())} ms`;
            setDerivedDataEnabled(true);
          }
          const target = q.targetMs ?? 100;
          const line =
            `| ${q.name} | ${period} | ${http.p50.toFixed(1)} | ${http.p95.toFixed(1)} | ${bare.p50.toFixed(1)} | ` +
            `${(http.p50 / bare.p50).toFixed(2)} | ${withinOverhead(http.p50, bare.p50) ? 'yes' : '**no**'} | ${http.p95 < target ? 'yes' : '**no**'}${target === 100 ? '' : ` (< ${target})`} | ${cached.p50.toFixed(1)} | ` +
            `${cached.p95.toFixed(1)} | ${http.runs} |${options.live ? ` ${live} |` : ''}`;
          log(line);
          rows.push(line);
        }
      }
      const out = [
        '',
        `Data: ${options.databaseUrl ? 'loaded before' : `${number.format(options.participants)} participants (seed ${options.seed})`}, ${number.format(episodes)} episodes, ${number.format(attendanceRows)} attendance rows; as_of ${asOf}`,
        `Load (loader + derived tables): ${loadSeconds === null ? 'loaded before' : `${loadSeconds.toFixed(1)} s`}; ${options.runs} timed runs each; load average ${os.loadavg()[0]!.toFixed(2)}`,
        `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 1e9)} GB, Node ${process.version}`,
        '',
        `| query | period | HTTP p50 ms | HTTP p95 ms | bare SQL p50 ms | HTTP ÷ SQL | HTTP ≤ 1.5 × SQL + 3 ms | p95 < 100 ms (or the target given) | cached p50 ms | cached p95 ms | runs |${options.live ? ' live SQL, 1 run |' : ''}`,
        `|---|---|---:|---:|---:|---:|:-:|:-:|---:|---:|---:|${options.live ? '---:|' : ''}`,
        ...rows,
      ];
      process.stdout.write(out.join('\n') + '\n');
    } finally {
      poster?.close();
      await pool.end();
      await server.close();
    }
  } finally {
    await db.close();
  }
}

/**
 * The statements sent to Postgres while `work` runs, as sent: TypeORM's (text and values) and the
 * named ones the API prepares (pg's query config). Every client of the process is watched.
 */
async function statementsOf(work: () => Promise<unknown>): Promise<QueryConfig[]> {
  const statements: QueryConfig[] = [];
  const query = Client.prototype.query;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const [first, values] = args as [string | QueryConfig, unknown[] | undefined];
    statements.push(typeof first === 'string' ? { text: first, values } : { ...first });
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    Client.prototype.query = query;
  }
  return statements;
}

/** Each statement timed alone, in turns with the others, named by what it reads (FROM and JOIN). */
async function logStatementTimes(pool: Pool, statements: QueryConfig[], runs: number) {
  const times = await timeInTurns(
    runs,
    statements.map((statement) => async () => {
      const t0 = performance.now();
      await pool.query(statement);
      return performance.now() - t0;
    }),
  );
  for (const [i, { text }] of statements.entries()) {
    const reads = new Set([...text.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/gi)].map((m) => m[1]!));
    log(`    ${times[i]!.p50.toFixed(1).padStart(6)} ms  reads ${[...reads].join(', ')}`);
  }
}

interface LoadedData {
  episodes: number;
  attendanceRows: number;
  /** null: loaded before this run. */
  loadSeconds: number | null;
}

/** Generates the data set (kept under tmp/ for the next run) and loads it with the real loader. */
async function generateAndLoad(options: Options, url: string): Promise<LoadedData> {
  const dir =
    options.dataDir ??
    path.join(projectRoot(), 'tmp', 'api-bench-data', `p${options.participants}-seed${options.seed}`);
  if (!existsSync(path.join(dir, '.complete'))) {
    log(`Generating ${number.format(options.participants)} participants into ${dir}…`);
    await generateDemoData({ outDir: dir, participants: options.participants, seed: options.seed });
    await writeFile(path.join(dir, '.complete'), new Date().toISOString());
  }
  await migrate(url);
  log('Loading with the real loader (derived tables included)…');
  const summary = await loadFiles(url, [dir]);
  if (summary.status !== 'succeeded') throw new Error(`load ${summary.status}: ${summary.message ?? ''}`);
  log(`  ${number.format(summary.totals.read)} rows in ${(summary.durationMs / 1000).toFixed(1)} s`);
  return {
    episodes: summary.files.find((f) => f.kind === 'enrollments')?.read ?? 0,
    attendanceRows: summary.files.find((f) => f.kind === 'attendance')?.read ?? 0,
    loadSeconds: summary.durationMs / 1000,
  };
}

/** The sizes of a database loaded earlier (--database-url). */
async function loadedData(url: string): Promise<LoadedData> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ episodes: number; attendance: number }>(
      `SELECT (SELECT count(*) FROM enrollment)::int AS episodes, (SELECT count(*) FROM attendance)::int AS attendance`,
    );
    return { episodes: rows[0]!.episodes, attendanceRows: rows[0]!.attendance, loadSeconds: null };
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
