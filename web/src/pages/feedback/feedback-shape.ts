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
