// The changes a load reports to the metrics layer for its incremental refresh (@iop/metrics,
// CHANGE_TABLES): while a file is upserted, the rows it inserts or updates are written into the
// change tables by the upsert statements themselves (UPDATE/INSERT … RETURNING into an INSERT),
// and the episodes and sessions it updates are first copied as stored (their old windows, dates
// and groups). Only when the refresh will be incremental (the change tables exist); a first load
// records nothing. A file refused on the way rolls its recorded changes back with its savepoint.

import { CHANGE_TABLES } from '@iop/metrics';
import type { FileKind } from '../contract';

interface Capture {
  /** The change table the written rows' columns go into. */
  into: string;
  columns: readonly string[];
  /** Extra constant columns for the written rows (the stored flag of episodes). */
  written?: string;
  /** The stored version of a row about to be updated is recorded too, with `stored` added. */
  stored?: string;
}

const CAPTURES: Readonly<Partial<Record<FileKind, Capture>>> = {
  enrollments: {
    into: CHANGE_TABLES.episode,
    columns: ['enrollment_id', 'participant_id', 'admission_date', 'discharge_date'],
    written: 'false',
    stored: 'true',
  },
  sessions: { into: CHANGE_TABLES.session, columns: ['session_id', 'group_id', 'session_date'], stored: '' },
  groups: { into: CHANGE_TABLES.group, columns: ['group_id'] },
  attendance: { into: CHANGE_TABLES.row, columns: ['session_id', 'participant_id'] },
  feedback: { into: CHANGE_TABLES.row, columns: ['session_id', 'participant_id'] },
  sobriety: { into: CHANGE_TABLES.checkin, columns: ['participant_id', 'report_date'] },
  participants: { into: CHANGE_TABLES.participant, columns: ['participant_id'] },
  // Sites feed only the freshness tables, which every refresh rebuilds whole.
};

/**
 * `statement` (an UPDATE or INSERT of `kind`'s table, which `alias` names) with the rows it
 * writes recorded, or as it is.
 */
export function capturing(kind: FileKind, statement: string, alias: string): string {
  const capture = CAPTURES[kind];
  if (capture === undefined) return statement;
  const returning = capture.columns.map((c) => `${alias}.${c}`).join(', ');
  const extra = capture.written === undefined ? '' : `, ${capture.written}`;
  return `WITH written AS (${statement} RETURNING ${returning})
          INSERT INTO ${capture.into} SELECT ${capture.columns.join(', ')}${extra} FROM written`;
}

/**
 * The statement that records the stored version of the rows `updateSql` is about to change
 * (`changedStored`: the stored rows joined to their staged rows that differ), or null.
 */
export function captureStoredSql(kind: FileKind, changedStored: (columns: string) => string): string | null {
  const capture = CAPTURES[kind];
  if (capture?.stored === undefined) return null;
  const columns = capture.columns.map((c) => `t.${c}`).join(', ');
  const extra = capture.stored === '' ? '' : `, ${capture.stored}`;
  return `INSERT INTO ${capture.into} ${changedStored(`${columns}${extra}`)}`;
}
