import { refreshDerivedData } from '@iop/etl';
import { Client, Pool } from 'pg';

/** One statement on its own connection to the test database, to set up or read rows apart from the API. */
export async function queryRows<T = unknown>(databaseUrl: string, text: string, params?: unknown[]): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** What a load does after its rows: recompute the derived tables in one transaction, as of the latest date. */
export async function refreshDerivedTables(databaseUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await refreshDerivedData(client);
    await client.query('COMMIT');
  } finally {
    client.release();
    await pool.end();
  }
}

/**
 * The SQL texts sent to Postgres during `run` (TypeORM's and the prepared statements alike: every
 * pg client of the process is watched), to tell which tables answered; the spy goes even if it fails.
 */
export async function recordStatements<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const query = Client.prototype.query;
  const statements: string[] = [];
  const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
    const first = args[0] as string | { text: string };
    statements.push(typeof first === 'string' ? first : first.text);
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query);
  try {
    return { result: await run(), statements };
  } finally {
    spy.mockRestore();
  }
}
