// Postgres restarts while the API serves: during the outage every route answers at once with a
// clean "database unavailable" (never a stack trace, never "sign in again", never a crash), and once
// Postgres is back the same process answers again, its pool reconnecting by itself.

import { Client, Pool } from 'pg';
import { hashPassword } from '../../api/src/auth/password';
import { UserStore } from '../../api/src/auth/user-store';
import { type RunningServer, startServer } from '../../api/src/server';
import { type ApiSession, sessionFor } from '../../api/src/testing/api-test-server';
import { type DedicatedPostgres, startDedicatedPostgres } from './support/dedicated-postgres';
import { lockDataTables, waitForLockWait } from './support/lock-data-tables';

jest.setTimeout(60_000);

const FIXTURE = `
  INSERT INTO site VALUES ('S1', 'North');
  INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES ('G1', 'S1', 'process', 'Process North');
  INSERT INTO participant (participant_id) VALUES ('P1');
  INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date) VALUES ('E1', 'P1', 'S1', '2025-01-06');
  INSERT INTO group_session (session_id, group_id, session_date, duration_minutes) VALUES ('X1', 'G1', '2025-01-07', 90);
  INSERT INTO attendance VALUES ('X1', 'P1', 'present', 90);
`;
const ATTENDANCE = '{ attendance(filter: { from: "2025-01-01" }) { total { scheduled attended } } }';
const UNAVAILABLE = 'The database is not answering right now. Retry in a moment.';

let pg: DedicatedPostgres;
let server: RunningServer;
let session: ApiSession;
const logged: string[] = [];

beforeAll(async () => {
  pg = await startDedicatedPostgres();
  const pool = new Pool({ connectionString: pg.url, max: 1 });
  try {
    await pool.query(FIXTURE);
    const users = new UserStore({ query: async (sql, params) => (await pool.query(sql, params)).rows });
    await users.create({
      username: 'quality',
      passwordHash: await hashPassword('restart-test-pw'),
      role: 'quality',
      siteIds: null,
    });
  } finally {
    await pool.end();
  }
  server = await startServer({ databaseUrl: pg.url, production: false, host: '127.0.0.1', port: 0 });
  // Nest logs the outage's errors on the console: keep them out of the test output, and look at them.
  for (const method of ['error', 'warn', 'log'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
  }
  for (const stream of [process.stdout, process.stderr]) {
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
  }
  session = await sessionFor(server.url, 'quality', 'restart-test-pw');
});

afterAll(async () => {
  jest.restoreAllMocks();
  await server?.close();
  await pg?.remove();
});

async function expectAnswers(): Promise<void> {
  const { data, errors } = await session.graphql(ATTENDANCE);
  expect(errors).toBeUndefined();
  expect(data).toEqual({ attendance: { total: { scheduled: 1, attended: 1 } } });
}

it('answers cleanly while Postgres is down, and again once it is back, without a restart', async () => {
  await expectAnswers();
  let exitCalled = false;
  const exit = jest.spyOn(process, 'exit').mockImplementation(() => {
    exitCalled = true;
    return undefined as never;
  });
  // One request is in flight, held inside its resolver by locks, when the server stops.
  const locker = new Client({ connectionString: pg.url });
  locker.on('error', () => undefined);
  await locker.connect();
  await locker.query('BEGIN');
  await lockDataTables(locker);
  const inFlight = session.graphql(ATTENDANCE);
  await waitForLockWait(locker);
  await pg.server.stop();
  try {
    expect((await inFlight).errors).toEqual([
      { message: UNAVAILABLE, path: ['attendance'], extensions: { code: 'SERVICE_UNAVAILABLE' } },
    ]);

    // A new request: the session lookup is the first thing to meet the outage.
    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        session.fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: ATTENDANCE }),
        }),
      ),
    );
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toEqual({
        errors: [{ message: UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
    }

    const signIn = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'quality', password: 'restart-test-pw' }),
    });
    expect(signIn.status).toBe(503);
    expect(signIn.headers.get('retry-after')).toBe('5');
    expect(await signIn.json()).toEqual({ statusCode: 503, message: UNAVAILABLE }); // as the login page reads it

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'unavailable', database: 'down' });
    expect(Date.now() - started).toBeLessThan(10_000); // refused at once, not hung on a dead socket
  } finally {
    await pg.server.start();
    exit.mockRestore();
  }
  expect(exitCalled).toBe(false);

  // Back: the pool drops its dead connections and opens new ones on demand.
  await expectAnswers();
  expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok', database: 'up' });
  const again = await sessionFor(server.url, 'quality', 'restart-test-pw');
  expect((await again.graphql(ATTENDANCE)).errors).toBeUndefined();
  // The outage was logged for the operator, but no response carried any of it. Which words depends
  // on when a connection met the stop: refused, terminated, or refused during the shutdown (57P03).
  expect(logged.join('\n')).toMatch(/ECONNREFUSED|terminat|the database system is shutting down/);
});
