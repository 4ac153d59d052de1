import { ApiTestServer, sessionFor, startApiTestServer, TEST_PASSWORD } from '../testing/api-test-server';

// Sign-in, sessions, CSRF, throttling and sign-out over HTTP, as the dashboard uses them.

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
});
afterAll(() => api?.close());

interface ErrorBody {
  message?: string;
  errors?: { message: string; extensions: { code: string } }[];
}
const json = async (r: Response) => (await r.json()) as ErrorBody;

const login = (body: unknown) =>
  fetch(`${api.server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('signing in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and a readable CSRF cookie', async () => {
    const session = await api.signIn('quality');
    const me = await session.fetch('/auth/me');
    expect(me.status).toBe(200);
    expect(await json(me)).toEqual({ username: expect.stringMatching(/^quality-/), role: 'quality', siteIds: null });

    const response = await login({ username: session.username.toUpperCase(), password: TEST_PASSWORD }); // case-blind
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('iop_session='))).toMatch(/; HttpOnly; SameSite=Strict/);
    expect(cookies.find((c) => c.startsWith('iop_csrf='))).toMatch(/SameSite=Strict/);
    expect(cookies.find((c) => c.startsWith('iop_csrf='))).not.toMatch(/HttpOnly/);
  });

  it('says the same thing for an unknown user and a wrong password', async () => {
    const { username } = await api.signIn('funder');
    const wrong = await login({ username, password: 'not-the-password' });
    const unknown = await login({ username: 'nobody-here', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await json(wrong)).message).toBe('The user name or password is not right.');
    expect((await json(unknown)).message).toBe('The user name or password is not right.');
  });

  it('asks for both fields', async () => {
    const response = await login({ username: '' });
    expect(response.status).toBe(400);
    expect((await json(response)).message).toBe('Enter your user name and password.');
  });

  it('slows down guessing: the sixth failure in a row is refused with a clear wait', async () => {
    const { username } = await api.signIn('director');
    for (let i = 0; i < 5; i++) expect((await login({ username, password: `guess-${i}-guess` })).status).toBe(401);
    const refused = await login({ username, password: TEST_PASSWORD }); // even the right one, for now
    expect(refused.status).toBe(429);
    expect((await json(refused)).message).toBe('Too many failed sign-ins. Try again in 15 minutes.');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('every API request is authenticated on the server', () => {
  it('refuses GraphQL without a session', async () => {
    const response = await fetch(`${api.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ dataFreshness { defaultAsOf } }' }),
    });
    expect(response.status).toBe(401);
    expect(await json(response)).toEqual({
      errors: [{ message: 'Sign in to continue.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('refuses a request carrying the cookie but not the CSRF token (a cross-site form)', async () => {
    const session = await api.signIn('director');
    const response = await fetch(`${api.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie },
      body: JSON.stringify({ query: '{ dataFreshness { defaultAsOf } }' }),
    });
    expect(response.status).toBe(403);
    expect((await json(response)).errors?.[0].extensions.code).toBe('CSRF');
  });

  it('ends the session on sign-out', async () => {
    const session = await api.signIn('quality');
    expect((await session.fetch('/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await session.fetch('/auth/me')).status).toBe(401);
  });

  it('ends the sessions of a disabled user at once', async () => {
    const session = await api.signIn('quality');
    const me = session;
    const { Client } = await import('pg');
    const client = new Client({ connectionString: api.db.url });
    await client.connect();
    await client.query(`UPDATE app_user SET disabled_at = now() WHERE username = $1`, [me.username]);
    await client.end();
    expect((await session.fetch('/auth/me')).status).toBe(401);
    await expect(sessionFor(api.server.url, me.username, TEST_PASSWORD)).rejects.toThrow(/401/);
  });

  it('expires idle sessions', async () => {
    const session = await api.signIn('quality');
    const { Client } = await import('pg');
    const client = new Client({ connectionString: api.db.url });
    await client.connect();
    await client.query(`UPDATE user_session SET expires_at = now() - interval '1 second'`);
    await client.end();
    expect((await session.fetch('/auth/me')).status).toBe(401);
  });

  it('slides the idle expiry forward, writing at most once every 30 seconds', async () => {
    const session = await api.signIn('quality');
    const { Client } = await import('pg');
    const client = new Client({ connectionString: api.db.url });
    await client.connect();
    const stamp = async () =>
      (
        await client.query<{ seen: string; expires: string }>(
          `SELECT last_seen_at::text AS seen, expires_at::text AS expires FROM user_session s
             JOIN app_user u USING (user_id) WHERE u.username = $1`,
          [session.username],
        )
      ).rows[0]!;
    try {
      const fresh = await stamp();
      expect((await session.fetch('/auth/me')).status).toBe(200);
      expect(await stamp()).toEqual(fresh); // seen a moment ago: no write

      // Last seen 10 minutes ago, 5 minutes left: a request gives back the full idle hour.
      await client.query(
        `UPDATE user_session SET last_seen_at = now() - interval '10 minutes', expires_at = now() + interval '5 minutes'
          WHERE user_id = (SELECT user_id FROM app_user WHERE username = $1)`,
        [session.username],
      );
      expect((await session.fetch('/auth/me')).status).toBe(200);
      const { rows } = await client.query<{ left: number }>(
        `SELECT extract(epoch FROM expires_at - now())::int AS left FROM user_session s
           JOIN app_user u USING (user_id) WHERE u.username = $1`,
        [session.username],
      );
      expect(rows[0]!.left).toBeGreaterThan(59 * 60);
    } finally {
      await client.end();
    }
  });

  it('answers /health without a session, and nothing else', async () => {
    expect((await fetch(`${api.server.url}/health`)).status).toBe(200);
    expect((await fetch(`${api.server.url}/auth/me`)).status).toBe(401);
  });
});
