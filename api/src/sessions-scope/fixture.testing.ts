import { Client } from 'pg';

/** Runs fixture SQL (several statements) on a test database. For specs only. */
export async function runFixtureSql(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A SessionProportion as the API serves it, for exact expectations (interval checked apart). */
export function proportionOf(numerator: number, denominator: number): Record<string, unknown> {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}
