import type { Column } from '../../charts/columns';
import { formatCount, formatPercent } from '../../charts/format';
import { GROUP_TYPE_LABELS, type GroupType } from '../../filters/group-types';
import type { RetentionFiguresFragment } from '../../gql/graphql';

export type SeriesKey = GroupType | 'total';

/**
 * Where a drawn point comes from: the day-0 start, a dropout day served by the API, or the end of
 * follow-up (a milestone the API shows episodes followed to, beyond the last dropout).
 */
export type KmPointKind = 'start' | 'dropout day' | 'follow-up';

/** One drawn point of a Kaplan–Meier step curve, labelled with its series. */
export interface KmPoint {
  series: SeriesKey;
  seriesLabel: string;
  kind: KmPointKind;
  days: number;
  atRisk: number;
  events: number;
  /** Unknown (null) at a follow-up point: the API serves censoring per dropout day only. */
  censored: number | null;
  survival: number;
  lower: number | null;
  upper: number | null;
}

export interface KmSeries {
  key: SeriesKey;
  label: string;
  episodes: number;
  points: KmPoint[];
}

export function seriesLabel(groupType: GroupType | null): string {
  return groupType ? GROUP_TYPE_LABELS[groupType] : 'All group types';
}

/**
 * The curve as drawn: it starts at day 0 with everyone retained (S = 1, all episodes at risk),
 * then steps at each dropout day the API served, and runs on flat to the last milestone (30, 60,
 * 90 days) that episodes are still followed to: without that, a curve with no late dropouts would
 * seem to stop early. A series with no episodes is left out. The total comes first.
 */
export function toKmSeries(
  total: RetentionFiguresFragment,
  byGroupType: readonly RetentionFiguresFragment[],
): KmSeries[] {
  return [total, ...byGroupType]
    .filter((figures) => figures.episodes > 0)
    .map((figures) => {
      const key: SeriesKey = figures.groupType ?? 'total';
      const label = seriesLabel(figures.groupType);
      const served = figures.curve.map((p): KmPoint => ({
        series: key,
        seriesLabel: label,
        kind: 'dropout day',
        ...p,
      }));
      const start: KmPoint = {
        series: key,
        seriesLabel: label,
        kind: 'start',
        days: 0,
        atRisk: figures.episodes,
        events: 0,
        censored: 0,
        survival: 1,
        lower: 1,
        upper: 1,
      };
      const points = served[0]?.days === 0 ? served : [start, ...served];
      const last = points[points.length - 1];
      const followedTo = figures.retainedAt
        .filter((r) => r.atRisk > 0 && r.survival !== null && r.days > last.days)
        .sort((a, b) => b.days - a.days)[0];
      if (followedTo) {
        points.push({
          ...last,
          kind: 'follow-up',
          days: followedTo.days,
          atRisk: followedTo.atRisk,
          events: 0,
          censored: null,
        });
      }
      return { key, label, episodes: figures.episodes, points };
    });
}

export const KM_COLUMNS: Column<KmPoint>[] = [
  { label: 'Series', value: (p) => p.seriesLabel },
  { label: 'Point', value: (p) => p.kind },
  { label: 'Days since admission', value: (p) => p.days, numeric: true },
  { label: 'At risk', value: (p) => p.atRisk, numeric: true, format: (v) => formatCount(v as number) },
  { label: 'Dropouts', value: (p) => p.events, numeric: true },
  { label: 'Censored', value: (p) => p.censored, numeric: true },
  {
    label: 'Retained',
    value: (p) => p.survival,
    numeric: true,
    format: (v) => formatPercent(v as number, 1),
    figure: 'retentionCurve',
  },
  { label: '95% lower', value: (p) => p.lower, numeric: true, format: (v) => formatPercent(v as number | null, 1) },
  { label: '95% upper', value: (p) => p.upper, numeric: true, format: (v) => formatPercent(v as number | null, 1) },
];

/** Number at risk under the chart: at day 0 (every episode) and at each served milestone. */
export interface AtRiskRow {
  key: SeriesKey;
  label: string;
  /** milestone day → episodes still followed */
  atRisk: Map<number, number>;
}

export function toAtRiskTable(
  total: RetentionFiguresFragment,
  byGroupType: readonly RetentionFiguresFragment[],
): { days: number[]; rows: AtRiskRow[] } {
  const figures = [total, ...byGroupType].filter((f) => f.episodes > 0);
  const days = [0, ...new Set(figures.flatMap((f) => f.retainedAt.map((r) => r.days)))].sort((a, b) => a - b);
  const rows = figures.map((f) => ({
    key: f.groupType ?? ('total' as const),
    label: seriesLabel(f.groupType),
    atRisk: new Map([[0, f.episodes], ...f.retainedAt.map((r) => [r.days, r.atRisk] as [number, number])]),
  }));
  return { days, rows };
}

const TICK_EVERY_DAYS = 30;

/** Month-like ticks (0, 30, 60, …) matching the 30/60/90-day milestones, past the last drawn day. */
export function dayTicks(lastDay: number): number[] {
  const end = Math.max(TICK_EVERY_DAYS * 3, Math.ceil(lastDay / TICK_EVERY_DAYS) * TICK_EVERY_DAYS);
  return Array.from({ length: end / TICK_EVERY_DAYS + 1 }, (_, i) => i * TICK_EVERY_DAYS);
}
