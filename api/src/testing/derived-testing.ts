import { refreshDerivedData } from '@iop/etl';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';

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

/** The SQL texts the DataSource sends during `run`, to tell which tables answered; the spy goes even if it fails. */
export async function recordStatements<T>(
  dataSource: DataSource,
  run: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const query = dataSource.query.bind(dataSource);
  const statements: string[] = [];
  const spy = jest.spyOn(dataSource, 'query').mockImplementation((text, params) => {
    statements.push(text);
    return query(text, params);
  });
  try {
    return { result: await run(), statements };
  } finally {
    spy.mockRestore();
  }
}
