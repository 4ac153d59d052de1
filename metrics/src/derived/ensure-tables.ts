import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DERIVED_SCHEMA, DERIVED_TABLE_DEFINITIONS } from './derived-schema';

// The version of the definitions the schema's tables were created from is kept as the schema's
// comment: unlike derived.meta, whose row any write to the source tables deletes, it lasts until
// the tables are recreated. Only the definitions count: a changed body rebuilds the tables' rows
// (DERIVED_VERSION), in place, so that readers keep the previous figures until that commits.
const CREATED_VERSION_SQL = `SELECT obj_description('${DERIVED_SCHEMA}'::regnamespace, 'pg_namespace') AS version`;

const DEFINITIONS_VERSION = createHash('sha256')
  .update(JSON.stringify(DERIVED_TABLE_DEFINITIONS))
  .digest('hex')
  .slice(0, 16);

/** Per table just created, the statements of its keys and indexes left to run after its rows. */
export type PendingIndexes = Map<string, readonly string[]>;

/**
 * Creates the derived tables from their definitions unless the schema already holds those of
 * these definitions: every table of the schema but its stamp (derived.meta, the migrations') is
 * dropped first, so that a table whose definition changed or went away leaves nothing behind.
 * Empty tables: the caller builds them whole. In the caller's transaction. Returns null when the
 * tables stood; else, with `indexesAfterRows`, the statements of each table after its first (its
 * keys and indexes), which the caller runs once the table holds its rows: an index built by one
 * sort instead of kept up row by row. Nobody else sees the new tables before the commit.
 */
export async function ensureDerivedTables(
  client: PoolClient,
  { indexesAfterRows = false } = {},
): Promise<PendingIndexes | null> {
  const { rows } = await client.query<{ version: string | null }>(CREATED_VERSION_SQL);
  if (rows[0]?.version === DEFINITIONS_VERSION) return null;
  const existing = await client.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
     WHERE schemaname = $1 AND tablename <> 'meta'`,
    [DERIVED_SCHEMA],
  );
  if (existing.rows.length > 0) await client.query(`DROP TABLE ${existing.rows.map((r) => r.name).join(', ')}`);
  const pending: PendingIndexes = new Map();
  for (const [table, [create, ...indexes]] of Object.entries(DERIVED_TABLE_DEFINITIONS)) {
    await client.query(create!);
    if (indexesAfterRows) pending.set(table, indexes);
    else for (const statement of indexes) await client.query(statement);
  }
  await client.query(`COMMENT ON SCHEMA ${DERIVED_SCHEMA} IS '${DEFINITIONS_VERSION}'`);
  return pending;
}

/** Runs the pending statements of `tables` (all of them without `tables`). */
export async function createPendingIndexes(
  client: PoolClient,
  pending: PendingIndexes,
  tables: readonly string[] = [...pending.keys()],
): Promise<void> {
  for (const table of tables) {
    for (const statement of pending.get(table) ?? []) await client.query(statement);
    pending.delete(table);
  }
}
