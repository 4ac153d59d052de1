// A Postgres server of a test's own, so that the test can stop and restart it without touching the
// run's shared server (which every other suite's database lives on).

import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedPostgres, migrate } from '@iop/db';
import { freePort } from '../../e2e/process-harness';

export interface DedicatedPostgres {
  server: EmbeddedPostgres;
  /** The migrated application database. */
  url: string;
  dataDir: string;
  /** Stops the server and removes its files. */
  remove(): Promise<void>;
}

export async function startDedicatedPostgres(database = 'iop'): Promise<DedicatedPostgres> {
  const root = await mkdtemp(path.join(tmpdir(), 'iop-reliability-pg-'));
  await chmod(root, 0o755); // the server's OS user must reach its data directory inside
  const dataDir = path.join(root, 'data');
  const server = new EmbeddedPostgres({ dataDir, port: await freePort(), password: 'reliability-test-pw' });
  await server.start();
  await server.ensureDatabase(database);
  const url = server.url(database);
  await migrate(url);
  return {
    server,
    url,
    dataDir,
    async remove() {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
