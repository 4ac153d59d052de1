import { ComparisonKind, isCalendarDate, MAX_LIST_LENGTH, type MetricsFilter } from '../filters';
import type { OutcomePeriods } from '../outcome-report/outcome-report.model';

/** The query parameters of GET /api/reports/outcome.{pdf,csv}. */
export const REPORT_PARAMETERS = ['from', 'to', 'sites', 'asOf', 'compare'] as const;

export type ReportQueryResult = { filter: MetricsFilter } | { problems: string[] };

/**
 * Reads and checks the download's query string (Express's parsed object): every problem at once,
 * in words that name the parameter. Absent dates are left to the report's own defaults.
 */
export function parseReportQuery(query: Record<string, unknown>): ReportQueryResult {
  const problems: string[] = [];
  const allowed: readonly string[] = REPORT_PARAMETERS;
  for (const name of Object.keys(query)) {
    if (!allowed.includes(name))
      problems.push(`unknown parameter "${clip(name)}" (allowed: ${REPORT_PARAMETERS.join(', ')})`);
  }
  const text = (name: (typeof REPORT_PARAMETERS)[number]): string | undefined => {
    const value = query[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') {
      problems.push(`${name} must be given once, as plain text`);
      return undefined;
    }
    return value;
  };
  const date = (name: 'from' | 'to' | 'asOf'): string | undefined => {
    const value = text(name);
    if (value !== undefined && !isCalendarDate(value)) {
      problems.push(`${name} must be a date written YYYY-MM-DD (got "${clip(value)}")`);
      return undefined;
    }
    return value;
  };
  const from = date('from');
  const to = date('to');
  const asOf = date('asOf');
  if (from && to && from > to) problems.push(`from (${from}) is after to (${to})`);
  const sites = text('sites');
  const siteIds = sites === undefined ? undefined : [...new Set(sites.split(',').map((s) => s.trim()))];
  if (siteIds?.some((id) => id.length < 1 || id.length > 64))
    problems.push('sites must be site IDs of 1 to 64 characters, separated by commas');
  if (siteIds && siteIds.length > MAX_LIST_LENGTH) problems.push(`sites may list at most ${MAX_LIST_LENGTH} sites`);
  const compare = text('compare');
  const kinds: string[] = Object.values(ComparisonKind);
  if (compare !== undefined && !kinds.includes(compare))
    problems.push(`compare must be one of ${kinds.join(', ')} (got "${clip(compare)}")`);
  if (problems.length) return { problems };
  const comparison = compare as ComparisonKind | undefined;
  return { filter: { from, to, asOf, siteIds, ...(comparison ? { comparison } : {}) } };
}

/** "outcome-report_2025-01-01_2025-03-31.pdf": the period the file covers, in its name. */
export function reportFileName(periods: Pick<OutcomePeriods, 'from' | 'to'>, extension: 'pdf' | 'csv'): string {
  return `outcome-report_${periods.from}_${periods.to}.${extension}`;
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
