import type { Client } from 'pg';

/**
 * Takes ACCESS EXCLUSIVE locks on every data table in the client's open transaction, so that a
 * metric request waits inside its resolver. Left free: the users', sessions' and audit tables the
 * sign-in and every request need, and derived_meta, which the session check reads (the data
 * version) before any resolver runs.
 */
export async function lockDataTables(client: Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'
       AND tablename NOT IN ('app_user', 'user_session', 'audit_log', 'schema_migration', 'derived_meta')`,
  );
  await client.query(`LOCK TABLE ${rows.map((r) => r.name).join(', ')} IN ACCESS EXCLUSIVE MODE`);
}
