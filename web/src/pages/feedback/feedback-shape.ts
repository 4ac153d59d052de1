import { meanFields, proportionFields, seriesLabel, type Figure } from '../../charts/figures';
import type { GroupType } from '../../filters/group-types';
import type { SessionFeedbackFiguresFragment, SessionFeedbackWeekFiguresFragment } from '../../gql/graphql';

interface ByType<T = SessionFeedbackFiguresFragment> {
  groupType: GroupType;
  figures: T;
}

/** The series with responses: the total first, then each group type that has any. */
function withResponses<T extends { responses: number }>(total: T, byGroupType: readonly ByType<T>[]) {
  return [{ groupType: null, figures: total }, ...byGroupType].filter((t) => t.figures.responses > 0);
}

/** Mean session score (0–40), one bar per group type, total first. */
export function toMeanScoreFigures(total: SessionFeedbackFiguresFragment, byGroupType: readonly ByType[]): Figure[] {
  return withResponses(total, byGroupType).map((t) => ({
    category: seriesLabel(t.groupType),
    series: t.groupType ?? 'total',
    seriesLabel: seriesLabel(t.groupType),
    ...meanFields(t.figures.meanScore, t.figures.responses),
  }));
}

const ITEMS = [
  ['Relationship', 'meanRelationship'],
  ['Goals and topics', 'meanGoalsTopics'],
  ['Approach or method', 'meanApproach'],
  ['Overall', 'meanOverall'],
] as const;

/** The four rating items (0–10) side by side, one bar per group type. */
export function toItemMeanFigures(total: SessionFeedbackFiguresFragment, byGroupType: readonly ByType[]): Figure[] {
  const series = withResponses(total, byGroupType);
  return ITEMS.flatMap(([label, field]) =>
    series.map((t) => ({
      category: label,
      series: t.groupType ?? 'total',
      seriesLabel: seriesLabel(t.groupType),
      ...meanFields(t.figures[field], t.figures.responses),
    })),
  );
}

/**
 * Alliance flag rate (scores ≤ 36) per ISO week, of all group types: one type's few responses a
 * week give rates that swing from 0 to 100%, so the per-type comparison is the period bars above.
 */
export function toAllianceFlagFigures(
  weeks: readonly { weekStart: string; total: SessionFeedbackWeekFiguresFragment }[],
): Figure[] {
  return weeks.flatMap((week) =>
    withResponses(week.total, []).map((t) => ({
      category: week.weekStart,
      series: t.groupType ?? 'total',
      seriesLabel: seriesLabel(t.groupType),
      ...proportionFields(t.figures.allianceFlag),
    })),
  );
}

/**
 * The score axis: from a multiple of 4 below the lowest mean drawn, up to 40. Means sit near 36,
 * the scale's cut-off, so from 0 every bar would look alike; the chart says where its axis starts.
 */
export function scoreAxis(figures: readonly { value: number | null; lower: number | null }[]): {
  domain: [number, number];
  ticks: number[];
} {
  const drawn = figures.flatMap((f) => [f.value, f.lower]).filter((v): v is number => v !== null);
  const floor = drawn.length ? Math.max(0, Math.min(32, Math.floor(Math.min(...drawn) / 4) * 4 - 4)) : 0;
  const ticks = Array.from({ length: (40 - floor) / 4 + 1 }, (_, i) => floor + i * 4);
  return {
    domain: [floor, 40],
    ticks: floor < 36 && !ticks.includes(36) ? [...ticks, 36].sort((a, b) => a - b) : ticks,
  };
}
