import { randomBytes } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { withClient } from '../client/with-client';
import { migrate } from '../data-source';

export const TEST_ADMIN_URL_ENV = 'IOP_TEST_ADMIN_URL';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test suite, migrated to the latest schema, on the run's server
 * (see global-setup). Drop it in afterAll.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env[TEST_ADMIN_URL_ENV];
  if (!adminUrl) throw new Error(`${TEST_ADMIN_URL_ENV} is not set: run tests through Jest's global setup`);
  const name = `iop_test_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(adminUrl, name);
  if (options.migrate !== false) await migrate(url);
  return {
    url,
    name,
    drop: () =>
      withClient(adminUrl, async (c) => {
        // Pools being closed may still hold a connection for a moment; terminating it (FORCE)
        // would surface as an unhandled error in whatever suite owned it. Give them time first.
        for (let i = 0; i < 40; i++) {
          const { rows } = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
          if (rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * One connection to a database of its own (createTestDatabase), for suites that run each test in a
 * transaction they roll back. close() releases the connection and drops the database.
 */
export async function openTestClient(): Promise<{ client: PoolClient; close(): Promise<void> }> {
  const db = await createTestDatabase();
  const pool = new Pool({ connectionString: db.url, max: 1 });
  const client = await pool.connect();
  return {
    client,
    async close() {
      client.release();
      await pool.end();
      await db.drop();
    },
  };
}
