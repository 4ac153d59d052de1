import type { Client } from 'pg';

/**
 * Takes ACCESS EXCLUSIVE locks on every data table in the client's open transaction, so that a
 * metric request waits inside its resolver. Left free: the users', sessions' and audit tables the
 * sign-in and every request need, and derived.meta, which the session check reads (the data
 * version) before any resolver runs.
 */
export async function lockDataTables(client: Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
     WHERE (schemaname = 'public' AND tablename NOT IN ('app_user', 'user_session', 'audit_log', 'schema_migration'))
        OR (schemaname = 'derived' AND tablename <> 'meta')`,
  );
  await client.query(`LOCK TABLE ${rows.map((r) => r.name).join(', ')} IN ACCESS EXCLUSIVE MODE`);
}

/**
 * Waits until a statement of the API waits for one of those locks. The client polls inside its
 * locking transaction, where Postgres would answer every read of pg_stat_activity from the
 * snapshot taken at the first one: each poll clears that snapshot first.
 */
export async function waitForLockWait(client: Client, what = 'the request never waited for the locks'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'iop-outcomes'`,
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(what);
}
