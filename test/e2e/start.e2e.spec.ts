import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, ROOT, RunningProcess } from './process-harness';

// `npm start` on the embedded default, end to end: the built server starts its own Postgres in a
// fresh data directory, migrates, loads demo data, serves the dashboard and the API on one port,
// stops cleanly on Ctrl-C (SIGINT), and a second start reuses the same data.

let dir: string;
let env: NodeJS.ProcessEnv;
/** Every server started, so that none outlives a failed or timed-out test and holds Jest open. */
const started: RunningProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iop-start-'));
  await chmod(dir, 0o755); // the embedded server's OS user must reach its data directory
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  env = {
    ...inherited,
    NODE_ENV: 'development',
    EMBEDDED_PG_DIR: path.join(dir, 'pg'),
    EMBEDDED_PG_PORT: String(await freePort()),
    PORT: String(await freePort()),
    DEMO_PARTICIPANTS: '60',
    DEMO_SEED: '7',
  };
});

afterAll(async () => {
  for (const server of started) server.signal('SIGKILL');
  await Promise.all(started.map((server) => server.exited));
  await rm(dir, { recursive: true, force: true });
});

async function start(): Promise<{ server: RunningProcess; url: string }> {
  const server = new RunningProcess(process.execPath, [path.join(ROOT, 'api', 'dist', 'main.js')], env);
  started.push(server);
  const [, url] = await server.waitFor(/IOP outcomes dashboard: (http:\/\/\S+?)\/?$/);
  // The start's last line: what it prints comes in several writes, and the checks read all of it.
  await server.waitFor(/Press Ctrl-C to stop\./);
  return { server, url };
}

/** Signs in as the demo director, as a person would with the printed credentials. */
async function signIn(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'director', password: 'demo-director-pw' }),
  });
  expect(response.status).toBe(200);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('iop_csrf='))!.slice('iop_csrf='.length);
  return { cookie: cookies.join('; '), 'x-csrf-token': decodeURIComponent(csrf) };
}

async function rowCounts(url: string): Promise<Record<string, number>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await signIn(url)) },
    body: JSON.stringify({ query: '{ dataFreshness { tables { kind rows } } }' }),
  });
  const body = (await response.json()) as { data: { dataFreshness: { tables: { kind: string; rows: number }[] } } };
  return Object.fromEntries(body.data.dataFreshness.tables.map((t) => [t.kind, t.rows]));
}

async function stop(server: RunningProcess): Promise<void> {
  server.signal('SIGINT');
  const { code } = await server.exited;
  expect(code).toBe(0);
  expect(server.text()).toContain('Stopped.');
  // A clean Postgres shutdown removes its pid file.
  expect(existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
}

it('starts on the embedded database with demo data, stops cleanly, and reuses the data', async () => {
  const first = await start();
  expect(first.server.text()).toMatch(/generating demo data \(60 participants, seed 7\)/);
  expect(first.server.text()).toContain('director  user "director", password "demo-director-pw"');
  const page = await fetch(`${first.url}/retention?from=2025-01-01`, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
  const counts = await rowCounts(first.url);
  for (const kind of [
    'sites',
    'groups',
    'participants',
    'enrollments',
    'sessions',
    'attendance',
    'feedback',
    'sobriety',
  ]) {
    expect(counts[kind]).toBeGreaterThan(0);
  }
  await stop(first.server);

  const second = await start();
  expect(second.server.text()).not.toMatch(/generating demo data/);
  expect(await rowCounts(second.url)).toEqual(counts);
  await stop(second.server);
});
