// Test helpers: fixture paths, whole-table snapshots and cloned databases. Used by the specs only.

import path from 'node:path';
import { projectRoot, TEST_ADMIN_URL_ENV, withClient, withDatabase } from '@iop/db';
import { randomBytes } from 'node:crypto';

export function fixture(...parts: string[]): string {
  return path.join(projectRoot(), 'test', 'fixtures', ...parts);
}

/** Every data table with the order that makes its contents comparable. */
export const DATA_TABLES: Readonly<Record<string, string>> = {
  site: 'site_id',
  therapy_group: 'group_id',
  participant: 'participant_id',
  enrollment: 'enrollment_id',
  group_session: 'session_id',
  attendance: 'session_id, participant_id',
  feedback: 'session_id, participant_id',
  sobriety_checkin: 'participant_id, report_date',
};

export type TableContents = Record<string, Record<string, unknown>[]>;

export { withClient };

/** Rows as JSON (dates as YYYY-MM-DD, numbers as numbers), in key order. */
export async function tableContents(url: string): Promise<TableContents> {
  return withClient(url, async (client) => {
    const contents: TableContents = {};
    for (const [table, order] of Object.entries(DATA_TABLES)) {
      const result = await client.query<{ row: Record<string, unknown> }>(
        `SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY ${order}`,
      );
      contents[table] = result.rows.map((r) => r.row);
    }
    return contents;
  });
}

export interface StoredReject {
  file: string;
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  detail: string | null;
}

export async function storedRejects(url: string, loadId: number): Promise<StoredReject[]> {
  return withClient(url, async (client) => {
    const result = await client.query<{
      file_name: string;
      line: string;
      column_name: string | null;
      value: string | null;
      reason: string;
      detail: string | null;
    }>(
      `SELECT file_name, line, column_name, value, reason, detail FROM etl_reject WHERE load_id = $1
       ORDER BY file_name, line, column_name`,
      [loadId],
    );
    return result.rows.map((r) => ({
      file: r.file_name,
      line: Number(r.line),
      column: r.column_name,
      value: r.value,
      reason: r.reason,
      detail: r.detail,
    }));
  });
}

export interface ClonedDatabase {
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env[TEST_ADMIN_URL_ENV];
  if (!url) throw new Error(`${TEST_ADMIN_URL_ENV} is not set: run tests through Jest's global setup`);
  return url;
}

/** A copy of a test database (which must have no open connections): cheaper than reloading it. */
export async function cloneDatabase(templateName: string): Promise<ClonedDatabase> {
  const name = `iop_test_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl(), (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`));
  return {
    url: withDatabase(adminUrl(), name),
    drop: () =>
      withClient(adminUrl(), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
