import { Client } from 'pg';

/** Runs a fixture script (several statements) against a test database. Tests only. */
export async function runSql(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
