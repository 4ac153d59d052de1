import { Client } from 'pg';
import { CONNECTIONS_PER_USER } from '../database/connection-share';
import { ApiSession, ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { MAX_REQUEST_COST } from './query-cost';
import { FIGURE_REQUESTS_PER_USER, TOO_MANY_REQUESTS_MESSAGE, WAITING_REQUESTS_PER_USER } from './user-concurrency';

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
});
afterAll(() => api?.close());

/** A request of many aliased retention fields, each its own period, as heavy as the budget allows. */
function heavyRequest(session: ApiSession, n: number): Promise<Response> {
  const aliases = Math.floor(MAX_REQUEST_COST / 3);
  const fields = Array.from(
    { length: aliases },
    (_, i) =>
      `r${i}: retention(filter: { to: "20${10 + n}-01-${String(i + 1).padStart(2, '0')}" }) { total { episodes } }`,
  );
  return session.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `query Heavy${n} { ${fields.join(' ')} }` }),
  });
}

/** Backends of the test database waiting for a lock: the figure statements held up by the test. */
async function statementsWaiting(client: Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return rows[0]!.n;
}

async function within<T>(ms: number, promise: Promise<T>): Promise<T | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('per-user concurrency', () => {
  it('runs a few figure requests of a user at once on a share of the pool, queues some, refuses the rest; others go on', async () => {
    const heavy = await api.signIn('director');
    const other = await api.signIn('quality');
    // Every figure statement resolving a default as-of reads these: while locked, they wait, each
    // holding its pool connection, as a slow statement would.
    const locker = new Client({ connectionString: api.db.url });
    const observer = new Client({ connectionString: api.db.url });
    await Promise.all([locker.connect(), observer.connect()]);
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE group_session, sobriety_checkin, enrollment IN ACCESS EXCLUSIVE MODE');
    let sent: Promise<Response>[] = [];
    try {
      sent = Array.from({ length: FIGURE_REQUESTS_PER_USER + WAITING_REQUESTS_PER_USER }, (_, n) =>
        heavyRequest(heavy, n),
      );
      for (let i = 0; i < 100 && (await statementsWaiting(observer)) < CONNECTIONS_PER_USER; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 300));
      // The user's share of the pool, not the pool: one request's 13 fields would take 13 connections.
      expect(await statementsWaiting(observer)).toBe(CONNECTIONS_PER_USER);

      // The queue is full: the next is refused at once.
      const refused = await heavyRequest(heavy, 99);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await refused.json()).toEqual({
        errors: [{ message: TOO_MANY_REQUESTS_MESSAGE, extensions: { code: 'TOO_MANY_REQUESTS' } }],
      });

      // Another user's figure query is answered meanwhile: connections were left for it.
      const answer = await within(5_000, other.graphql<{ sites: unknown[] }>(`query Sites { sites { siteId } }`));
      expect(answer).toEqual({ data: { sites: [] } });
    } finally {
      await locker.query('COMMIT');
      await locker.end();
    }
    // Every queued request then runs in its turn.
    const responses = await Promise.all(sent);
    expect(responses.map((r) => r.status)).toEqual(sent.map(() => 200));
    for (const r of responses) expect(((await r.json()) as { errors?: unknown }).errors).toBeUndefined();
    await observer.end();
  });
});
