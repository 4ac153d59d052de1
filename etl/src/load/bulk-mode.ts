// Large files go in with the target table's foreign-key and exclusion constraints dropped and then
// added back, inside the load's transaction. This is Postgres's own advice for bulk loading
// ("Populating a Database"): a foreign key is checked by a trigger per inserted row (about 6 µs
// each, two or three per row here), while adding the constraint back checks every row in one
// set-based join. The database still holds every invariant: the constraints are re-validated in
// full before the commit, a violation fails the load, and a crash or rollback restores them (DDL
// is transactional in Postgres). An empty table loses its keys and indexes too (see
// KEYS_AND_INDEXES_SQL). The price is an ACCESS EXCLUSIVE lock on the table and on the
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

/** What bulk mode takes off a table and puts back: SQL to run before and after the work. */
interface Removed {
  drop: string;
  restore: string;
}

// A constraint of pg_constraint, dropped, and added back as it was defined.
const CONSTRAINT_DROP_AND_RESTORE = `format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop,
  format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS restore`;

// The table's own foreign keys and exclusion constraint.
const OWN_ROW_CHECKS_SQL = `
SELECT ${CONSTRAINT_DROP_AND_RESTORE}
FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('f', 'x') ORDER BY conname`;

// An empty table (a first load) also loses its keys and indexes for the work: its rows then go
// into a bare heap and each index is built once, by sorting, instead of taking 4 million
// insertions one by one (attendance at 100,000 participants: 19.4 s with its two indexes in place,
// 6.4 s + 4.2 s to build them). The foreign keys that reference it go too, to be re-added after
// its key: their tables are empty as well, as their keys point into an empty table.
const KEYS_AND_INDEXES_SQL = `
SELECT drop, restore FROM (
  SELECT 0 AS step, ${CONSTRAINT_DROP_AND_RESTORE},
    conname AS name
  FROM pg_constraint WHERE confrelid = $1::regclass AND conrelid <> confrelid AND contype = 'f'
  UNION ALL
  SELECT 1, ${CONSTRAINT_DROP_AND_RESTORE}, conname
  FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u')
  UNION ALL
  SELECT 2, format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid), i.indexrelid::regclass::text
  FROM pg_index i
  WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
) r ORDER BY step, name`;

/**
 * Runs `work` with the table's foreign-key and exclusion constraints dropped (and, when the table
 * is empty, its keys and indexes), then puts them back exactly as they were defined. If it has
 * none, or they cannot be dropped (the loader's role does not own the table), `work` runs with them
 * in place; `bulk` says which happened.
 */
export async function withoutRowByRowConstraints<T>(
  client: PoolClient,
  table: string,
  work: () => Promise<T>,
): Promise<{ result: T; bulk: boolean }> {
  const own = (await client.query<Removed>(OWN_ROW_CHECKS_SQL, [table])).rows;
  if (own.length === 0) return { result: await work(), bulk: false };
  const empty = (await client.query(`SELECT 1 FROM ${client.escapeIdentifier(table)} LIMIT 1`)).rowCount === 0;
  const keys = empty ? (await client.query<Removed>(KEYS_AND_INDEXES_SQL, [table])).rows : [];
  // Dropped in this order (what references a key before the key); put back in the reverse one.
  const removed = [...own, ...keys];
  await client.query('SAVEPOINT etl_bulk');
  try {
    for (const { drop } of removed) await client.query(drop);
    await client.query('RELEASE SAVEPOINT etl_bulk');
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT etl_bulk');
    await client.query('RELEASE SAVEPOINT etl_bulk');
    return { result: await work(), bulk: false };
  }
  const result = await work();
  for (const { restore } of [...keys].reverse()) await client.query(restore);
  for (const { restore } of own) await client.query(restore);
  return { result, bulk: true };
}
