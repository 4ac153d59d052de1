import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { loadHistory } from '@iop/etl';
import { DataSource } from 'typeorm';
import { currentUser } from '../auth/current-user';
import { DATABASE_URL } from '../database/database-url';
import { LoadRecord, RejectedRow, RejectReasonCount } from './loads.model';

export const MAX_LOADS = 200;
export const MAX_REJECTED_ROWS = 1000;

@Injectable()
export class LoadsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
  ) {}

  /** Messages are fixed texts (the loader keeps particulars in the details): details for directors only. */
  async history(limit: number): Promise<LoadRecord[]> {
    assertProgramWide();
    const director = isDirector();
    const loads = await loadHistory(this.databaseUrl, clamp(limit, 1, MAX_LOADS));
    return loads.map((l) => ({
      loadId: l.loadId,
      startedAt: new Date(l.startedAt),
      finishedAt: l.finishedAt ? new Date(l.finishedAt) : null,
      status: l.status,
      source: director ? l.source : null,
      rowsRead: l.read,
      rowsInserted: l.inserted,
      rowsUpdated: l.updated,
      rowsUnchanged: l.unchanged,
      rowsRejected: l.rejected,
      message: l.message,
      detail: director ? l.detail : null,
      files: l.files.map((f) => ({
        fileName: f.file,
        kind: f.kind,
        status: f.status,
        rowsRead: f.read,
        inserted: f.inserted,
        updated: f.updated,
        unchanged: f.unchanged,
        rejected: f.rejected,
        durationMs: f.durationMs,
        message: f.message,
        detail: director ? f.detail : null,
      })),
    }));
  }

  /**
   * Rejected values of a load. The reason is the rule's fixed text, for everyone who sees loads; the
   * value and the detail (they may be or name participant IDs) only for directors.
   */
  async rejectedRows(loadId: number, limit: number): Promise<RejectedRow[]> {
    assertProgramWide();
    return this.dataSource.query(
      `SELECT file_name AS "fileName", line::int AS line, column_name AS "columnName",
              CASE WHEN $3 THEN value END AS value, reason, CASE WHEN $3 THEN detail END AS detail
         FROM etl_reject WHERE load_id = $1 ORDER BY file_name, line, column_name LIMIT $2`,
      [loadId, clamp(limit, 1, MAX_REJECTED_ROWS), isDirector()],
    );
  }

  /** Rows sharing a reason share its text (the particulars are in the detail), so they count together. */
  async rejectReasons(loadId: number): Promise<RejectReasonCount[]> {
    assertProgramWide();
    return this.dataSource.query(
      `SELECT file_name AS "fileName", column_name AS "columnName", reason, count(*)::int AS rows
         FROM etl_reject WHERE load_id = $1
        GROUP BY file_name, column_name, reason ORDER BY rows DESC, file_name, reason`,
      [loadId],
    );
  }
}

function isDirector(): boolean {
  return currentUser()?.role === 'director';
}

/** Loads span every site: a user limited to some sites may not see their counts. */
function assertProgramWide(): void {
  if (currentUser()?.siteIds)
    throw new ForbiddenException('Load history covers every site; your access is limited to some.');
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(Math.floor(value), min), max);
}
