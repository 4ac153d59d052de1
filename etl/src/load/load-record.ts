// The loader's own records: etl_load (one row per load) and etl_load_file (one per file), written
// in the load's transaction so that they commit or vanish with the data. A failed load leaves
// nothing of its transaction, so it is recorded afterwards in a short transaction of its own.

import { Client, type Pool, type PoolClient } from 'pg';
import { FILE_KINDS } from '../contract';
import type { FileSummary, LoadStatus, RowCounts } from './types';

/**
 * Messages may quote what a file holds (a header name, say), and Postgres text cannot hold a NUL:
 * storing one would fail the whole load over a file that was only to be refused.
 */
function storable<T extends string | null>(message: T): T {
  return (message?.replaceAll('\u0000', '\uFFFD') ?? message) as T;
}

export async function startLoadRecord(client: PoolClient, source: string): Promise<number> {
  const result = await client.query<{ load_id: string }>(
    `INSERT INTO etl_load (status, source) VALUES ('running', $1) RETURNING load_id`,
    [source],
  );
  return Number(result.rows[0]!.load_id);
}

export async function recordFile(client: PoolClient, loadId: number, file: FileSummary): Promise<void> {
  await client.query(
    `INSERT INTO etl_load_file
       (load_id, file_name, kind, status, rows_read, inserted, updated, unchanged, rejected, duration_ms, message, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      loadId,
      file.file,
      file.kind,
      file.status,
      file.read,
      file.inserted,
      file.updated,
      file.unchanged,
      file.rejected,
      Math.round(file.durationMs),
      // A refused file's reason, or else its warnings: both belong in the history.
      storable(file.message ?? (file.warnings.length > 0 ? file.warnings.join('; ') : null)),
      storable(file.detail ?? null),
    ],
  );
}

export async function finishLoadRecord(
  client: PoolClient,
  loadId: number,
  status: LoadStatus,
  totals: RowCounts,
): Promise<string> {
  const result = await client.query<{ finished_at: Date }>(
    `UPDATE etl_load SET status = $2, finished_at = clock_timestamp(), rows_read = $3, rows_inserted = $4,
            rows_updated = $5, rows_unchanged = $6, rows_rejected = $7
     WHERE load_id = $1 RETURNING finished_at`,
    [loadId, status, totals.read, totals.inserted, totals.updated, totals.unchanged, totals.rejected],
  );
  return result.rows[0]!.finished_at.toISOString();
}

/** Records a load that was rolled back; returns its load_id, or null if even that failed. */
export async function recordFailedLoad(
  pool: Pool,
  load: { startedAt: Date; source: string; message: string; detail: string | null },
): Promise<number | null> {
  try {
    const result = await pool.query<{ load_id: string }>(
      `INSERT INTO etl_load (started_at, finished_at, status, source, message, detail)
       VALUES ($1, clock_timestamp(), 'failed', $2, $3, $4) RETURNING load_id`,
      [load.startedAt, load.source, storable(load.message), storable(load.detail)],
    );
    return Number(result.rows[0]!.load_id);
  } catch {
    return null; // the database is gone: the caller still reports the failure
  }
}

export interface LoadFileRecord {
  file: string;
  kind: string | null;
  status: 'loaded' | 'refused';
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  durationMs: number;
  /** Fixed words only (why the file was refused, or its warnings): safe for every role that sees loads. */
  message: string | null;
  /** The particulars behind the message (header cells, a library's words): directors only. */
  detail: string | null;
}

export interface LoadRecord {
  loadId: number;
  startedAt: string;
  finishedAt: string | null;
  status: LoadStatus | 'running';
  source: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Why the load failed, in fixed words. */
  message: string | null;
  /** The particulars of the failure (paths, the database's words): directors only. */
  detail: string | null;
  files: LoadFileRecord[];
}

interface LoadRow {
  load_id: string;
  started_at: Date;
  finished_at: Date | null;
  status: LoadRecord['status'];
  source: string;
  rows_read: string;
  rows_inserted: string;
  rows_updated: string;
  rows_unchanged: string;
  rows_rejected: string;
  message: string | null;
  detail: string | null;
}

interface LoadFileRow {
  load_id: string;
  file_name: string;
  kind: string | null;
  status: 'loaded' | 'refused';
  rows_read: string;
  inserted: string;
  updated: string;
  unchanged: string;
  rejected: string;
  duration_ms: number;
  message: string | null;
  detail: string | null;
}

/** The latest loads, newest first, each with its files in load order. For the dashboard. */
export async function loadHistory(databaseUrl: string, limit = 20): Promise<LoadRecord[]> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'iop-etl-history' });
  await client.connect();
  try {
    const loads = await client.query<LoadRow>(
      `SELECT * FROM etl_load ORDER BY started_at DESC, load_id DESC LIMIT $1`,
      [Math.max(0, Math.floor(limit))],
    );
    const ids = loads.rows.map((l) => l.load_id);
    const files = await client.query<LoadFileRow>(
      `SELECT * FROM etl_load_file WHERE load_id = ANY($1::bigint[])
       ORDER BY load_id, coalesce(array_position($2::text[], kind), $3), file_name`,
      [ids, FILE_KINDS, FILE_KINDS.length + 1],
    );
    return loads.rows.map((l) => ({
      loadId: Number(l.load_id),
      startedAt: l.started_at.toISOString(),
      finishedAt: l.finished_at?.toISOString() ?? null,
      status: l.status,
      source: l.source,
      read: Number(l.rows_read),
      inserted: Number(l.rows_inserted),
      updated: Number(l.rows_updated),
      unchanged: Number(l.rows_unchanged),
      rejected: Number(l.rows_rejected),
      message: l.message,
      detail: l.detail,
      files: files.rows
        .filter((f) => f.load_id === l.load_id)
        .map((f) => ({
          file: f.file_name,
          kind: f.kind,
          status: f.status,
          read: Number(f.rows_read),
          inserted: Number(f.inserted),
          updated: Number(f.updated),
          unchanged: Number(f.unchanged),
          rejected: Number(f.rejected),
          durationMs: f.duration_ms,
          message: f.message,
          detail: f.detail,
        })),
    }));
  } finally {
    await client.end();
  }
}
