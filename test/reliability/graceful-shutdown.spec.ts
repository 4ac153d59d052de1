// SIGTERM to the built server (`node api/dist/main.js`, embedded Postgres, small demo), as a process
// supervisor sends it: a request in flight still gets its full answer, the listening socket and the
// kept-alive connections close, the process exits 0, its Postgres shuts down cleanly (no pid file
// left) and no process of it keeps running. The request is held in flight, inside its resolver, by
// locks the test takes on the data tables (not derived.meta, which the session check reads), and
// let go only after the SIGTERM.

import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort, ROOT, RunningProcess } from '../e2e/process-harness';
import { lockDataTables, waitForLockWait } from './support/lock-data-tables';

jest.setTimeout(120_000);

let dir: string;
let server: RunningProcess | undefined;

afterAll(async () => {
  if (server?.pid !== undefined && isAlive(server.pid)) server.signal('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** POST with a keep-alive agent, so that the test can see whether the server closes the socket. */
function post(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  agent: http.Agent,
): Promise<{ status: number; connection: string | undefined; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            connection: response.headers.connection,
            body: JSON.parse(text),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

it('on SIGTERM finishes the request in flight, closes connections, stops Postgres and exits 0', async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iop-sigterm-'));
  await chmod(dir, 0o755); // the embedded server's OS user must reach its data directory
  const pgPort = await freePort();
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  server = new RunningProcess(process.execPath, [path.join(ROOT, 'api', 'dist', 'main.js')], {
    ...inherited,
    NODE_ENV: 'development',
    EMBEDDED_PG_DIR: path.join(dir, 'pg'),
    EMBEDDED_PG_PORT: String(pgPort),
    PORT: String(await freePort()),
    DEMO_PARTICIPANTS: '60',
    DEMO_SEED: '7',
  });
  const [, url] = await server.waitFor(/IOP outcomes dashboard: (http:\/\/\S+?)\/?$/);
  const postmasterPid = Number(readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const login = await post(`${url}/auth/login`, {}, { username: 'director', password: 'demo-director-pw' }, agent);
  expect(login.status).toBe(200);
  // Read the cookies with fetch's parser; the keep-alive socket above stays open and idle.
  const signIn = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'director', password: 'demo-director-pw' }),
  });
  const cookies = signIn.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('iop_csrf='))!.slice('iop_csrf='.length));
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf };

  const locker = new Client({
    connectionString: `postgres://postgres:iop-embedded-local@127.0.0.1:${pgPort}/iop`,
  });
  locker.on('error', () => undefined);
  await locker.connect();
  await locker.query('BEGIN');
  await lockDataTables(locker);

  const query = '{ attendance(filter: { from: "2024-01-01" }) { total { scheduled attended } } }';
  const inFlight = post(`${url}/graphql`, headers, { query }, agent);
  await waitForLockWait(locker, 'the request never reached the database');

  server.signal('SIGTERM');
  await server.waitFor(/SIGTERM: finishing requests and stopping/);
  await new Promise((resolve) => setTimeout(resolve, 500));
  // Still serving the request in flight, but no longer taking new connections.
  expect(isAlive(server.pid!)).toBe(true);
  await expect(fetch(`${url}/health`)).rejects.toThrow();

  await locker.query('COMMIT');
  await locker.end();
  const answer = await inFlight;
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    data: { attendance: { total: { scheduled: expect.any(Number), attended: expect.any(Number) } } },
  });
  expect(answer.connection).toBe('close');

  let timer: NodeJS.Timeout | undefined;
  const exited = await Promise.race([
    server.exited,
    new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), 30_000))),
  ]);
  clearTimeout(timer);
  expect(exited).toEqual({ code: 0, signal: null });
  expect(server.text()).toContain('Stopped.');
  expect(server.text()).not.toMatch(/ERROR|Error:|\n\s+at /);
  expect(existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
  expect(isAlive(postmasterPid)).toBe(false);
  // The server closed every connection the client had kept alive.
  expect(Object.keys(agent.sockets)).toEqual([]);
  expect(Object.keys(agent.freeSockets)).toEqual([]);
  agent.destroy();
});
