// Where each kind of file goes. Column names in the database are the contract's column names
// (db/migrations/1764140000000-initial-schema.ts), so the contract's column list is the table's.

import { type FileKind, KEY_COLUMNS, columnsOf } from '../contract';

export interface TableSpec {
  kind: FileKind;
  table: string;
  /** Every column, in the contract's order (the order of the COPY lines). */
  columns: readonly string[];
  keys: readonly string[];
  /** Columns an upsert may change. */
  values: readonly string[];
}

const TABLE_BY_KIND: Readonly<Record<FileKind, string>> = {
  sites: 'site',
  groups: 'therapy_group',
  participants: 'participant',
  enrollments: 'enrollment',
  sessions: 'group_session',
  attendance: 'attendance',
  feedback: 'feedback',
  sobriety: 'sobriety_checkin',
};

export function tableOf(kind: FileKind): TableSpec {
  const columns = columnsOf(kind);
  const keys: readonly string[] = KEY_COLUMNS[kind];
  return { kind, table: TABLE_BY_KIND[kind], columns, keys, values: columns.filter((c) => !keys.includes(c)) };
}

/** The temporary tables of the file being loaded; one file at a time, so fixed names will do. */
export const STAGE = 'etl_stage';
/** Lines of the staging table that a database check rejected. */
export const STAGE_BAD = 'etl_stage_bad';
