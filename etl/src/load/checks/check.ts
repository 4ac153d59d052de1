// A database check: one set-based query over the staging table that finds the rows breaking a rule
// that needs the database (another table, or other rows of the same file). Each finding is stored
// in etl_reject and its line marked in the bad-lines table, which later checks and the upsert skip.

import type { PoolClient } from 'pg';
import { STAGE_BAD } from '../tables';

export interface DatabaseCheck {
  /** For tests and timings. */
  name: string;
  /**
   * A SELECT of (line, column_name, value, reason, detail) over the staging table as `s`, at most
   * one finding per line. `reason` is a fixed text per rule (no id, value, date or count of the row:
   * quality users read it, and rejects are grouped by it); `detail` holds those particulars. Checks that only make sense for rows that passed the earlier ones (an
   * attendance window needs the session to exist) include NOT_REJECTED.
   */
  sql: string;
}

/** The condition that row `s` has not been rejected yet; other aliases via notRejected(alias). */
export function notRejected(alias: string): string {
  return `NOT EXISTS (SELECT 1 FROM ${STAGE_BAD} b WHERE b.line = ${alias}.line)`;
}

export const NOT_REJECTED = notRejected('s');

/** Single quotes doubled, for reasons written into the checks' SQL (never user input). */
export function sqlText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Runs one check; returns how many lines it rejected that were not rejected before. */
export async function runCheck(
  client: PoolClient,
  check: DatabaseCheck,
  loadId: number,
  fileName: string,
): Promise<number> {
  const result = await client.query(
    `WITH found AS MATERIALIZED (${check.sql}),
          stored AS (
            INSERT INTO etl_reject (load_id, file_name, line, column_name, value, reason, detail)
            SELECT $1, $2, line, column_name, value, reason, detail FROM found)
     INSERT INTO ${STAGE_BAD} (line) SELECT DISTINCT line FROM found ON CONFLICT DO NOTHING`,
    [loadId, fileName],
  );
  return result.rowCount ?? 0;
}

/** Rows of the staging table rejected by the checks so far. */
export async function countRejectedLines(client: PoolClient): Promise<number> {
  const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${STAGE_BAD}`);
  return Number(result.rows[0]?.n ?? 0);
}
