import { createTestDatabase, TestDatabase } from '@iop/db';
import { Pool } from 'pg';
import { hashPassword } from '../auth/password';
import { Role, ROLES } from '../auth/roles';
import { UserStore } from '../auth/user-store';
import { RunningServer, ServerOptions, startServer } from '../server';

export interface GraphqlResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A signed-in browser-like client: session cookie plus the CSRF header, as the dashboard sends. */
export interface ApiSession {
  username: string;
  cookie: string;
  csrfToken: string;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export interface ApiTestServer {
  db: TestDatabase;
  server: RunningServer;
  /** GraphQL over HTTP as a director (every figure, no site limit). */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  /** Signs in as a new user of this role (optionally limited to sites) and returns the session. */
  signIn(role: Role, siteIds?: string[] | null): Promise<ApiSession>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct-horse-battery';

/** The real API on a free port, over its own migrated test database; `options` override the server's. */
export async function startApiTestServer(options: Partial<ServerOptions> = {}): Promise<ApiTestServer> {
  const db = await createTestDatabase();
  const server = await startServer({ databaseUrl: db.url, production: false, host: '127.0.0.1', port: 0, ...options });
  const pool = new Pool({ connectionString: db.url, max: 2 });
  const users = new UserStore({ query: async (sql, params) => (await pool.query(sql, params)).rows });
  const passwordHash = await hashPassword(TEST_PASSWORD);
  let created = 0;

  async function signIn(role: Role, siteIds: string[] | null = null): Promise<ApiSession> {
    const username = `${role}-${++created}`;
    await users.create({ username, passwordHash, role, siteIds });
    return sessionFor(server.url, username, TEST_PASSWORD);
  }

  const director = await signIn('director');
  return {
    db,
    server,
    graphql: (query, variables) => director.graphql(query, variables),
    signIn,
    async close() {
      await server.close();
      await pool.end();
      await db.drop();
    },
  };
}

/** Signs in through POST /auth/login, as the login page does. */
export async function sessionFor(baseUrl: string, username: string, password: string): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`Sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  const cookies = Object.fromEntries(
    response.headers.getSetCookie().map((c) => {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1))];
    }),
  );
  const cookie = Object.entries(cookies)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('; ');
  const csrfToken = cookies.iop_csrf;
  const session: ApiSession = {
    username,
    cookie,
    csrfToken,
    fetch: (path, init = {}) =>
      fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(init.headers as Record<string, string> | undefined) },
      }),
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const r = await session.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await r.json()) as GraphqlResponse<T>;
    },
  };
  return session;
}

export { ROLES };
