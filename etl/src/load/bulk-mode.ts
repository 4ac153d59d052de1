// Large files go in with the target table's foreign-key and exclusion constraints dropped and then
// added back, inside the load's transaction. This is Postgres's own advice for bulk loading
// ("Populating a Database"): a foreign key is checked by a trigger per inserted row (about 6 µs
// each, two or three per row here), while adding the constraint back checks every row in one
// set-based join. The database still holds every invariant: the constraints are re-validated in
// full before the commit, a violation fails the load, and a crash or rollback restores them (DDL
// is transactional in Postgres). The price is an ACCESS EXCLUSIVE lock on the table and on the
// tables its keys reference until the load commits, so readers (the dashboard) wait for the load;
// hence only for files that are large and a good part of their table (a first or a bulk load),
// never for the small uploads of everyday use.

import type { PoolClient } from 'pg';

// Per row, a foreign-key trigger costs about 6 µs and the episode exclusion check about 80 µs;
// re-validating costs about 0.5 µs per row of the whole table (a hash join), rebuilding the
// exclusion index about 20 µs. So a file that is a quarter of its table or more goes faster in bulk.
// Small files never do, whatever their share: they are quick either way, and must not lock readers.
export const BULK_MIN_ROWS = 20_000;
export const BULK_MIN_SHARE = 0.25;

/** 'auto' decides by size; 'off' never drops constraints; 'always' does for every file with rows. */
export type BulkPolicy = 'auto' | 'off' | 'always';

interface DroppedConstraint {
  name: string;
  definition: string;
}

export async function bulkModeWanted(
  client: PoolClient,
  table: string,
  stagedRows: number,
  policy: BulkPolicy,
): Promise<boolean> {
  if (policy === 'off' || stagedRows === 0) return false;
  if (policy === 'always') return true;
  if (stagedRows < BULK_MIN_ROWS) return false;
  // The planner's estimate is enough here (-1 means never analysed: treat as empty).
  const result = await client.query<{ rows: number }>(
    `SELECT greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = $1::regclass`,
    [table],
  );
  return stagedRows >= BULK_MIN_SHARE * (result.rows[0]?.rows ?? 0);
}

/**
 * Runs `work` with the table's foreign-key and exclusion constraints dropped, then adds them back
 * exactly as they were defined. If it has none, or they cannot be dropped (the loader's role does
 * not own the table), `work` runs with them in place; `bulk` says which happened.
 */
export async function withoutRowByRowConstraints<T>(
  client: PoolClient,
  table: string,
  work: () => Promise<T>,
): Promise<{ result: T; bulk: boolean }> {
  const found = await client.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
     WHERE conrelid = $1::regclass AND contype IN ('f', 'x') ORDER BY conname`,
    [table],
  );
  const constraints: DroppedConstraint[] = found.rows;
  if (constraints.length === 0) return { result: await work(), bulk: false };
  const quotedTable = client.escapeIdentifier(table);
  await client.query('SAVEPOINT etl_bulk');
  try {
    const drops = constraints.map((c) => `DROP CONSTRAINT ${client.escapeIdentifier(c.name)}`).join(', ');
    await client.query(`ALTER TABLE ${quotedTable} ${drops}`);
    await client.query('RELEASE SAVEPOINT etl_bulk');
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT etl_bulk');
    await client.query('RELEASE SAVEPOINT etl_bulk');
    return { result: await work(), bulk: false };
  }
  const result = await work();
  const adds = constraints.map((c) => `ADD CONSTRAINT ${client.escapeIdentifier(c.name)} ${c.definition}`).join(', ');
  await client.query(`ALTER TABLE ${quotedTable} ${adds}`);
  return { result, bulk: true };
}
