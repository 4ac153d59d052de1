import type { Column } from '../../charts/columns';
import { meanFields, proportionFields, seriesLabel, type Figure } from '../../charts/figures';
import { formatCount, formatDecimal, formatPValue } from '../../charts/format';
import type { RetentionFiguresFragment, RetentionQuery, RetentionTotalFiguresFragment } from '../../gql/graphql';

/** The series with episodes: the total first, then each group type that has any. */
function withEpisodes(total: RetentionFiguresFragment, byGroupType: readonly RetentionFiguresFragment[]) {
  return [total, ...byGroupType].filter((f) => f.episodes > 0);
}

/** S(30), S(60), S(90) with their intervals, one bar per series at each milestone; n = still followed. */
export function toRetainedAtFigures(
  total: RetentionFiguresFragment,
  byGroupType: readonly RetentionFiguresFragment[],
): Figure[] {
  const series = withEpisodes(total, byGroupType);
  const days = [...new Set(series.flatMap((f) => f.retainedAt.map((r) => r.days)))].sort((a, b) => a - b);
  return days.flatMap((day) =>
    series.flatMap((f): Figure[] => {
      const r = f.retainedAt.find((x) => x.days === day);
      if (!r || r.survival === null) return [];
      return [
        {
          category: `${day} days`,
          series: f.groupType ?? 'total',
          seriesLabel: seriesLabel(f.groupType),
          value: r.survival,
          lower: r.lower ?? null,
          upper: r.upper ?? null,
          numerator: null,
          n: r.atRisk,
        },
      ];
    }),
  );
}

/** Completion rate (completed ÷ discharged) with its Wilson interval, one bar per series. */
export function toCompletionFigures(
  total: RetentionFiguresFragment,
  byGroupType: readonly RetentionFiguresFragment[],
): Figure[] {
  return withEpisodes(total, byGroupType)
    .filter((f) => f.completion.denominator > 0)
    .map((f) => ({
      category: seriesLabel(f.groupType),
      series: f.groupType ?? 'total',
      seriesLabel: seriesLabel(f.groupType),
      ...proportionFields(f.completion),
    }));
}

/** Median length of stay in days of the discharged episodes, one bar per series. */
export function toLengthOfStayFigures(
  total: RetentionFiguresFragment,
  byGroupType: readonly RetentionFiguresFragment[],
): Figure[] {
  return withEpisodes(total, byGroupType)
    .filter((f) => f.discharged > 0)
    .map((f) => ({
      category: seriesLabel(f.groupType),
      series: f.groupType ?? 'total',
      seriesLabel: seriesLabel(f.groupType),
      ...meanFields(f.medianLengthOfStay, f.discharged),
    }));
}

export const DISCHARGE_REASON_LABELS: Record<string, string> = {
  completed: 'Completed',
  dropped_out: 'Dropped out',
  terminated: 'Terminated',
  transferred: 'Transferred',
  incarcerated: 'Incarcerated',
  died: 'Died',
  other: 'Other',
};

/** Discharges of all group types per reason, as a share of all discharges (n = discharged). */
export function toDischargeReasonFigures(total: RetentionTotalFiguresFragment): Figure[] {
  if (total.discharged === 0) return [];
  return total.dischargeReasons.map((r) => ({
    category: DISCHARGE_REASON_LABELS[r.reason] ?? r.reason,
    series: 'total',
    seriesLabel: seriesLabel(null),
    value: r.episodes / total.discharged,
    lower: null,
    upper: null,
    numerator: r.episodes,
    n: total.discharged,
  }));
}

const SIGNIFICANCE_LEVEL = 0.05;

/** The log-rank comparison in words a clinical director can repeat, with its caveat. */
export function describeLogRank(comparison: { chiSquare: number; df: number; pValue: number } | null): string {
  if (!comparison)
    return 'Retention cannot be compared between group types here: at least two group types need episodes in this period.';
  const significant = comparison.pValue < SIGNIFICANCE_LEVEL;
  return (
    `The difference in retention between group types is ${significant ? '' : 'not '}statistically significant ` +
    `(χ² = ${comparison.chiSquare.toFixed(2)}, df = ${comparison.df}, ${formatPValue(comparison.pValue)}; log-rank test at the 5% level). ` +
    'This comparison is unadjusted: the people in each group type may differ (in severity, referral source or site), ' +
    'so a difference does not show that a group type itself retains people better, and no difference does not show that they are the same.'
  );
}

/** One group type of the log-rank test: its dropouts against those expected under equal retention. */
export interface LogRankRow {
  groupType: string;
  episodes: number;
  observed: number;
  expected: number;
  /** Observed ÷ expected; null when none were expected. */
  ratio: number | null;
}

/** The test's table, as R's survdiff prints it, in the order of the served groups. */
export function toLogRankRows(comparison: RetentionQuery['retention']['comparison']): LogRankRow[] {
  return (comparison?.groups ?? []).map((g) => ({
    groupType: seriesLabel(g.groupType),
    episodes: g.episodes,
    observed: g.observed,
    expected: g.expected,
    ratio: g.expected > 0 ? g.observed / g.expected : null,
  }));
}

export const LOG_RANK_COLUMNS: Column<LogRankRow>[] = [
  { label: 'Group type', value: (r) => r.groupType },
  { label: 'Episodes', value: (r) => r.episodes, format: (v) => formatCount(v as number), numeric: true },
  { label: 'Dropouts observed', value: (r) => r.observed, format: (v) => formatCount(v as number), numeric: true },
  { label: 'Dropouts expected', value: (r) => r.expected, format: (v) => formatDecimal(v as number, 1), numeric: true },
  {
    label: 'Observed ÷ expected',
    value: (r) => r.ratio,
    format: (v) => formatDecimal(v as number | null, 2),
    numeric: true,
  },
];
