import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, ROOT, RunningProcess } from '../e2e/process-harness';

/** The built server on its own embedded Postgres, with a small demo data set. */
export interface RunningStack {
  url: string;
  /** POSTs a GraphQL operation straight to the API as the demo director, for comparing with what the page shows. */
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

export type DemoRole = 'director' | 'quality' | 'funder';

/** The demo users the server creates on an empty development database. */
export const DEMO_PASSWORDS: Record<DemoRole, string> = {
  director: 'demo-director-pw',
  quality: 'demo-quality-pw',
  funder: 'demo-funder-pw',
};

// Small enough to start in seconds, large enough that every group type has episodes and curves.
const DEMO_PARTICIPANTS = '80';

/**
 * Starts the stack, or with BROWSER_TEST_URL set uses a server already running there (quicker
 * while working on the dashboard; that server's data, not a fresh demo).
 */
export async function startStack(): Promise<RunningStack> {
  const existing = process.env.BROWSER_TEST_URL;
  if (existing)
    return {
      url: existing.replace(/\/$/, ''),
      graphql: directorGraphql(existing),
      stop: async () => undefined,
    };
  const dir = await mkdtemp(path.join(tmpdir(), 'iop-browser-'));
  await chmod(dir, 0o755); // the embedded server's OS user must reach its data directory
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'development',
    EMBEDDED_PG_DIR: path.join(dir, 'pg'),
    EMBEDDED_PG_PORT: String(await freePort()),
    PORT: String(await freePort()),
    DEMO_PARTICIPANTS,
    DEMO_SEED: '11',
  };
  const server = new RunningProcess(process.execPath, [path.join(ROOT, 'api', 'dist', 'main.js')], env);
  const stop = async () => {
    await stopServer(server, path.join(dir, 'pg'));
    await rm(dir, { recursive: true, force: true });
  };
  let url: string;
  try {
    [, url] = await server.waitFor(/IOP outcomes dashboard: (http:\/\/\S+?)\/?$/);
  } catch (error) {
    await stop();
    throw error;
  }

  return { url, graphql: directorGraphql(url), stop };
}

interface ApiSession {
  cookie: string;
  csrf: string;
}

/** Signs in over HTTP as a demo user: the session and CSRF cookies, as the page would hold them. */
export async function signInOverHttp(url: string, role: DemoRole): Promise<ApiSession> {
  const response = await fetch(`${url.replace(/\/$/, '')}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: role, password: DEMO_PASSWORDS[role] }),
  });
  if (!response.ok) throw new Error(`Signing in as ${role} failed: ${response.status}`);
  const cookies = Object.fromEntries(
    response.headers.getSetCookie().map((c) => c.split(';')[0].split('=') as [string, string]),
  );
  return { cookie: `iop_session=${cookies.iop_session}; iop_csrf=${cookies.iop_csrf}`, csrf: cookies.iop_csrf };
}

function directorGraphql(url: string): RunningStack['graphql'] {
  let session: Promise<ApiSession> | null = null;
  return async (query, variables) => {
    session ??= signInOverHttp(url, 'director');
    return postGraphql(url, await session, query, variables);
  };
}

async function postGraphql<T>(
  url: string,
  session: ApiSession,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(`${url.replace(/\/$/, '')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const GRACEFUL_STOP_MS = 15_000;

/**
 * Ctrl-C, as a user would. Clean shutdown is start.e2e.spec.ts's concern; here a server that does
 * not stop in time is killed, with its Postgres, so that a shutdown bug cannot hang or leak from
 * the browser suite.
 */
async function stopServer(server: RunningProcess, pgDir: string): Promise<void> {
  server.signal('SIGINT');
  const stopped = await Promise.race([
    server.exited.then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), GRACEFUL_STOP_MS).unref()),
  ]);
  if (stopped) return;
  console.warn(`The server did not stop within ${GRACEFUL_STOP_MS / 1000} s of SIGINT; killing it and its Postgres.`);
  server.signal('SIGKILL');
  await server.exited;
  const postmasterPid = Number(
    (await readFile(path.join(pgDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0],
  );
  // SIGINT is Postgres's "fast shutdown": it rolls back sessions and exits cleanly.
  if (postmasterPid > 0) process.kill(postmasterPid, 'SIGINT');
  await waitUntilGone(postmasterPid);
}

async function waitUntilGone(pid: number): Promise<void> {
  for (let i = 0; pid > 0 && i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
