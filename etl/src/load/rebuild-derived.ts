// `npm run metrics:rebuild`: every derived metric table rebuilt whole from the stored rows, in one
// transaction under the load lock (no load runs meanwhile; the dashboard reads the previous
// figures until the commit). For after a manual fix of the source rows, or to check that an
// incremental state equals a rebuild; loads refresh incrementally on their own.

import { Pool } from 'pg';
import { loadConfig, startDatabaseServer } from '@iop/db';
import { refreshDerivedData, tidyDerivedData } from './derived-data';
import { takeLoadLock } from './lock';

export async function main(): Promise<number> {
  const server = await startDatabaseServer(loadConfig(), (line) => console.error(line));
  const pool = new Pool({ connectionString: server.url, max: 1, application_name: 'iop-metrics-rebuild' });
  try {
    const client = await pool.connect();
    try {
      const started = performance.now();
      await client.query('BEGIN');
      await takeLoadLock(client, () => console.error('Waiting for the running load to finish…'));
      await refreshDerivedData(client);
      await client.query('COMMIT');
      await tidyDerivedData(client);
      console.error(`Rebuilt the derived metric tables in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      return 0;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
    await server.stop();
  }
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
