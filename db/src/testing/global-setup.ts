import { chmod, mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedPostgres } from '../embedded/embedded-postgres';
import { TEST_ADMIN_URL_ENV } from './test-database';

export interface TestServerHolder {
  __IOP_TEST_PG__?: { server: EmbeddedPostgres; root: string };
}

/**
 * Gives the test run a real Postgres server: DATABASE_URL when set (each suite then creates and
 * drops its own database on it), otherwise a throwaway embedded server for this run only.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  if (process.env.DATABASE_URL) {
    process.env[TEST_ADMIN_URL_ENV] = process.env.DATABASE_URL;
    return;
  }
  const root = await mkdtemp(path.join(tmpdir(), 'iop-test-pg-'));
  await chmod(root, 0o755); // the server's OS user must reach its data directory inside
  const server = new EmbeddedPostgres({
    dataDir: path.join(root, 'data'),
    port: await freePort(),
    password: 'test-only-password',
  });
  await server.start();
  (globalThis as TestServerHolder).__IOP_TEST_PG__ = { server, root };
  process.env[TEST_ADMIN_URL_ENV] = server.url('postgres');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
