import { stringify } from 'csv-stringify/sync';
import type { OutcomeReport } from '../outcome-report/outcome-report.model';

export const REPORT_CSV_COLUMNS = [
  'section',
  'measure',
  'group_type',
  'period',
  'value',
  'lower',
  'upper',
  'n',
  'suppressed',
] as const;

const cell = (value: number | null): string => (value === null ? '' : String(value));

/**
 * The report as CSV (RFC 4180: CRLF, quoted only where needed), one row per figure, in the
 * report's order. The period column holds its dates ("2025-01-01..2025-03-31") so that a file read
 * on its own says what it covers; the total is group type "all"; hidden cells are empty.
 */
export function toReportCsv(report: Pick<OutcomeReport, 'figures' | 'periods'>): string {
  const { from, to, previousFrom, previousTo } = report.periods;
  const periods: Record<string, string> = { current: `${from}..${to}`, previous: `${previousFrom}..${previousTo}` };
  const rows = report.figures.map((f) => [
    f.section,
    f.measure,
    f.groupType ?? 'all',
    periods[f.period] ?? f.period,
    cell(f.value),
    cell(f.lower),
    cell(f.upper),
    cell(f.n),
    String(f.suppressed),
  ]);
  return stringify([[...REPORT_CSV_COLUMNS], ...rows], { record_delimiter: 'windows' });
}
