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

/**
 * Creates the derived tables from their definitions unless the schema already holds those of
 * these definitions: every table of the schema but its stamp (derived.meta, the migrations') is
 * dropped first, so that a table whose definition changed or went away leaves nothing behind.
 * Empty tables: the caller builds them whole. In the caller's transaction.
 */
export async function ensureDerivedTables(client: PoolClient): Promise<boolean> {
  const { rows } = await client.query<{ version: string | null }>(CREATED_VERSION_SQL);
  if (rows[0]?.version === DEFINITIONS_VERSION) return false;
  const existing = await client.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
     WHERE schemaname = $1 AND tablename <> 'meta'`,
    [DERIVED_SCHEMA],
  );
  if (existing.rows.length > 0) await client.query(`DROP TABLE ${existing.rows.map((r) => r.name).join(', ')}`);
  for (const statements of Object.values(DERIVED_TABLE_DEFINITIONS))
    for (const statement of statements) await client.query(statement);
  await client.query(`COMMENT ON SCHEMA ${DERIVED_SCHEMA} IS '${DEFINITIONS_VERSION}'`);
  return true;
}
