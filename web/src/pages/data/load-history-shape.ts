import type { Column } from '../../charts/columns';
import type { Figure } from '../../charts/figures';
import { formatCount, formatDateTime } from '../../charts/format';
import type { LoadHistoryQuery, RejectsQuery } from '../../gql/graphql';

export type LoadRecord = LoadHistoryQuery['loadHistory'][number];
export type RejectReasonCount = RejectsQuery['rejectReasons'][number];
export type RejectedRow = RejectsQuery['rejectedRows'][number];

const count = (v: unknown) => formatCount(typeof v === 'number' ? v : null);
/** Fields the server sends to directors only (values, details, sources) read "hidden" for others. */
const directorsOnly = (v: unknown) => (v === null || v === undefined ? 'hidden' : String(v));

export const LOAD_COLUMNS: Column<LoadRecord>[] = [
  { label: 'Load', value: (l) => l.loadId, numeric: true },
  { label: 'Started', value: (l) => l.startedAt, format: (v) => formatDateTime(typeof v === 'string' ? v : null) },
  { label: 'Status', value: (l) => l.status },
  { label: 'Source', value: (l) => l.source, format: directorsOnly },
  { label: 'Files', value: (l) => l.files.length, numeric: true },
  { label: 'Rows read', value: (l) => l.rowsRead, numeric: true, format: count },
  { label: 'Inserted', value: (l) => l.rowsInserted, numeric: true, format: count },
  { label: 'Updated', value: (l) => l.rowsUpdated, numeric: true, format: count },
  { label: 'Unchanged', value: (l) => l.rowsUnchanged, numeric: true, format: count },
  { label: 'Rejected', value: (l) => l.rowsRejected, numeric: true, format: count },
];

/** Rejected rows by reason as drawn: one bar per file, column and reason, most rows first. */
export function toRejectReasonFigures(reasons: readonly RejectReasonCount[]): Figure[] {
  const total = reasons.reduce((sum, r) => sum + r.rows, 0);
  return [...reasons]
    .sort((a, b) => b.rows - a.rows)
    .map((r) => ({
      category: `${r.fileName} · ${r.columnName ?? 'whole row'}: ${r.reason}`,
      series: 'total',
      seriesLabel: 'Rejected rows',
      value: r.rows,
      lower: null,
      upper: null,
      numerator: null,
      n: total,
    }));
}

export const REJECTED_ROW_COLUMNS: Column<RejectedRow>[] = [
  { label: 'File', value: (r) => r.fileName },
  { label: 'Line', value: (r) => r.line, numeric: true },
  { label: 'Column', value: (r) => r.columnName ?? 'whole row' },
  { label: 'Value', value: (r) => r.value, format: directorsOnly },
  { label: 'Reason', value: (r) => r.reason },
  // The ids, dates and lines behind the reason, beside it (none when the value says it all).
  { label: 'Detail (directors only)', value: (r) => r.detail },
];
