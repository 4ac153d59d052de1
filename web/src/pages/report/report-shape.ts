import type { ComparisonKind } from '@iop/metrics/comparison-period';
import { formatCount, formatPercent, formatPValue } from '../../charts/format';
import { GROUP_TYPE_LABELS, isGroupType, type MetricsFilterVariables } from '../../filters/group-types';
import type { OutcomeReportQuery } from '../../gql/graphql';

export type OutcomeReportData = OutcomeReportQuery['outcomeReport'];
export type ReportFigure = OutcomeReportData['figures'][number];

/** The report's scope: the filter bar's period, as-of and sites (it always covers every group type). */
export interface ReportFilter {
  from: string;
  to: string;
  asOf: string;
  siteIds: string[] | null;
  /** Which previous period the report compares with; absent = the same length just before. */
  comparison?: ComparisonKind;
}

export const SUPPRESSED = 'suppressed';
export const NO_VALUE = '—';

export function toReportFilter(
  filter: MetricsFilterVariables | null,
  comparison: ComparisonKind = 'sameLength',
): ReportFilter | null {
  if (!filter) return null;
  const scope = { from: filter.from, to: filter.to, asOf: filter.asOf, siteIds: filter.siteIds };
  return comparison === 'sameLength' ? scope : { ...scope, comparison };
}

/** The download endpoint for the same scope as the page: plain query parameters. */
export function downloadPath(format: 'pdf' | 'csv', filter: ReportFilter): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to, asOf: filter.asOf });
  if (filter.siteIds?.length) params.set('sites', filter.siteIds.join(','));
  if (filter.comparison) params.set('compare', filter.comparison);
  return `/api/reports/outcome.${format}?${params.toString().replace(/%2C/g, ',')}`;
}

export function groupTypeLabel(groupType: string | null): string {
  if (groupType === null) return 'All group types';
  return isGroupType(groupType) ? GROUP_TYPE_LABELS[groupType] : groupType;
}

const isPoints = (f: ReportFigure) => f.measure === 'pda_change' || f.unit === 'proportion' || f.unit === 'survival';
const signed = (v: number, magnitude: string) =>
  !/[1-9]/.test(magnitude) ? magnitude : v > 0 ? `+${magnitude}` : `−${magnitude}`;

/** A figure as read: "84.5%", "1,204", "37.2", "+12.3 pts", "45 days", "suppressed" or "—". */
export function formatFigure(f: ReportFigure): string {
  if (f.suppressed) return SUPPRESSED;
  if (f.value === null) return NO_VALUE;
  if (f.measure === 'pda_change') return signed(f.value, `${Math.abs(f.value * 100).toFixed(1)} pts`);
  switch (f.unit) {
    case 'count':
      return formatCount(f.value);
    case 'proportion':
    case 'survival':
      return formatPercent(f.value, 1);
    case 'days':
      return `${Math.round(f.value)} days`;
    default:
      return f.value.toFixed(1);
  }
}

/** "80.1–92.3%", or '' without an interval. */
export function formatFigureInterval(f: ReportFigure): string {
  if (f.suppressed || f.value === null || f.lower === null || f.upper === null) return '';
  return `${(f.lower * 100).toFixed(1)}–${formatPercent(f.upper, 1)}`;
}

/** This period minus the previous one, in the figure's terms; a dash when either is hidden or empty. */
export function formatFigureChange(current: ReportFigure | undefined, previous: ReportFigure | undefined): string {
  if (!current || !previous || current.suppressed || previous.suppressed) return NO_VALUE;
  if (current.value === null || previous.value === null) return NO_VALUE;
  const d = current.value - previous.value;
  if (isPoints(current)) return signed(d, `${Math.abs(d * 100).toFixed(1)} pts`);
  if (current.unit === 'count') return signed(d, formatCount(Math.abs(Math.round(d))));
  if (current.unit === 'days') return signed(d, `${Math.abs(Math.round(d))} days`);
  return signed(d, Math.abs(d).toFixed(1));
}

/** One row of a report table: a measure (or a group type of one measure), both periods side by side. */
export interface ReportRow {
  key: string;
  name: string;
  current: ReportFigure | undefined;
  previous: ReportFigure | undefined;
}

export interface ReportTable {
  key: string;
  caption: string;
  rows: ReportRow[];
}

export interface ReportSection {
  id: string;
  title: string;
  /** All group types, a row per measure; then each measure broken down by group type. */
  tables: ReportTable[];
}

export const SECTION_TITLES: Record<string, string> = {
  census: 'Census',
  retention: 'Completion and retention',
  attendance: 'Attendance and ASAM intensity',
  sobriety: 'Abstinence and percent days abstinent',
  feedback: 'Therapeutic alliance (session ratings)',
};

/**
 * The report's figures as tables, in the report's own order: per section, the all-types figures,
 * then a table per measure that has a breakdown by group type. Group types the report has
 * nothing about in either period (no episodes or sessions, nothing hidden) are left out.
 */
export function toReportSections(figures: readonly ReportFigure[]): ReportSection[] {
  const find = (measure: string, groupType: string | null, period: string) =>
    figures.find((f) => f.measure === measure && f.groupType === groupType && f.period === period);
  const sections = [...new Set(figures.map((f) => f.section))];
  return sections.map((section) => {
    const inSection = figures.filter((f) => f.section === section);
    const measures = [...new Set(inSection.map((f) => f.measure))];
    const row = (measure: string, groupType: string | null, name: string): ReportRow => ({
      key: `${measure}|${groupType ?? 'all'}`,
      name,
      current: find(measure, groupType, 'current'),
      previous: find(measure, groupType, 'previous'),
    });
    const totals: ReportTable = {
      key: `${section}|all`,
      caption: 'All group types',
      rows: measures.map((m) => row(m, null, inSection.find((f) => f.measure === m)!.label)),
    };
    const breakdowns = measures.flatMap((m): ReportTable[] => {
      const groupTypes = [
        ...new Set(inSection.filter((f) => f.measure === m && f.groupType !== null).map((f) => f.groupType)),
      ];
      const rows = groupTypes
        .map((g) => row(m, g, groupTypeLabel(g)))
        .filter((r) => [r.current, r.previous].some((f) => f && (f.suppressed || (f.n ?? 0) > 0)));
      if (!rows.length) return [];
      return [
        { key: `${section}|${m}`, caption: `${inSection.find((f) => f.measure === m)!.label}, by group type`, rows },
      ];
    });
    return { id: section, title: SECTION_TITLES[section] ?? section, tables: [totals, ...breakdowns] };
  });
}

export interface ReportKmSeries {
  groupType: string | null;
  label: string;
  points: { days: number; survival: number }[];
}

const MILESTONES = [30, 60, 90];

/**
 * The retention curves the page may draw: from day 0, the served points, flat on to the last
 * shown milestone. A group type whose episode count is hidden is not drawn (its step sizes would
 * give the count away); one without episodes is left out. `hidden` names the group types not drawn.
 */
export function toReportKmSeries(report: Pick<OutcomeReportData, 'survivalCurves' | 'figures'>): {
  series: ReportKmSeries[];
  hidden: string[];
} {
  const current = (measure: string, groupType: string | null) =>
    report.figures.find((f) => f.measure === measure && f.groupType === groupType && f.period === 'current');
  const series: ReportKmSeries[] = [];
  const hidden: string[] = [];
  for (const curve of report.survivalCurves) {
    const label = groupTypeLabel(curve.groupType);
    const episodes = current('episodes', curve.groupType);
    if (episodes && !episodes.suppressed && episodes.value === 0) continue;
    const served = curve.points.map((p) => ({ days: p.days, survival: p.survival }));
    const lastServed = served[served.length - 1]?.days ?? 0;
    const followedTo = MILESTONES.filter((days) => {
      const f = current(`retained_${days}d`, curve.groupType);
      return f !== undefined && !f.suppressed && f.value !== null && days > lastServed;
    }).pop();
    if (!episodes || episodes.suppressed || (!served.length && followedTo === undefined)) {
      hidden.push(label);
      continue;
    }
    const points = served[0]?.days === 0 ? served : [{ days: 0, survival: 1 }, ...served];
    if (followedTo !== undefined) points.push({ days: followedTo, survival: points[points.length - 1].survival });
    series.push({ groupType: curve.groupType, label, points });
  }
  return { series, hidden };
}

/** The log-rank result in plain words. */
export function describeReportLogRank(logRank: OutcomeReportData['logRank']): string {
  if (!logRank)
    return 'No comparison of retention across group types was possible (fewer than two group types with episodes).';
  const stats = `log-rank χ² = ${logRank.chiSquare.toFixed(2)}, ${logRank.df} degrees of freedom, ${formatPValue(logRank.pValue)}`;
  return logRank.pValue < 0.05
    ? `Retention differs between group types by more than chance would explain (${stats}).`
    : `The differences in retention between group types are within what chance would explain (${stats}).`;
}

/** "outcome-report_2025-01-01_2025-03-31.pdf", the server's name for the same file. */
export function reportFileName(filter: Pick<ReportFilter, 'from' | 'to'>, format: 'pdf' | 'csv'): string {
  return `outcome-report_${filter.from}_${filter.to}.${format}`;
}

/** The file name a response names in its Content-Disposition, or null. */
export function fileNameFromDisposition(header: string | null): string | null {
  const m = /filename="([^"]+)"/.exec(header ?? '');
  return m ? m[1] : null;
}
