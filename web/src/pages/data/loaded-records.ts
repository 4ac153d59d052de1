import type { Column } from '../../charts/columns';
import { formatCount, formatDateCell } from '../../charts/format';

export interface LoadedRecordsRow {
  kind: string;
  label: string;
  rows: number;
  latestDate: string | null;
}

const LABELS: Record<string, string> = {
  sites: 'Sites',
  groups: 'Therapy groups',
  participants: 'Participants',
  enrollments: 'Treatment episodes',
  sessions: 'Group sessions',
  attendance: 'Attendance records',
  feedback: 'Session ratings',
  sobriety: 'Sobriety check-ins',
};

/** One row per export, in the API's order, with a reader's name for each. */
export function toLoadedRecordsRows(
  tables: readonly { kind: string; rows: number; latestDate: string | null }[],
): LoadedRecordsRow[] {
  return tables.map((t) => ({ kind: t.kind, label: LABELS[t.kind] ?? t.kind, rows: t.rows, latestDate: t.latestDate }));
}

export const LOADED_RECORDS_COLUMNS: Column<LoadedRecordsRow>[] = [
  { label: 'Export', value: (r) => r.label },
  { label: 'Kind', value: (r) => r.kind },
  { label: 'Rows', value: (r) => r.rows, format: (v) => formatCount(typeof v === 'number' ? v : null), numeric: true },
  { label: 'Latest date', value: (r) => r.latestDate, format: formatDateCell },
];
