import { proportionFields, seriesLabel, type Figure } from '../../charts/figures';
import type { GroupType } from '../../filters/group-types';
import type {
  AttendanceFiguresFragment,
  AttendanceWeekFiguresFragment,
  IntensityFiguresFragment,
  SessionProportionFragment,
} from '../../gql/graphql';

interface ByType<T> {
  groupType: GroupType;
  figures: T;
}

interface AttendanceWeek {
  weekStart: string;
  total: { attendanceRate: SessionProportionFragment };
  byGroupType: readonly ByType<AttendanceWeekFiguresFragment>[];
}

/**
 * Weekly attendance rate, one line per group type plus the total. A week where a type had no
 * non-excused rows has no rate: the line breaks there rather than dropping to zero.
 */
export function toWeeklyAttendanceFigures(weeks: readonly AttendanceWeek[]): Figure[] {
  return weeks.flatMap((week) => [
    {
      category: week.weekStart,
      series: 'total',
      seriesLabel: seriesLabel(null),
      ...proportionFields(week.total.attendanceRate),
    },
    ...week.byGroupType
      .filter((t) => t.figures.nonExcused > 0)
      .map((t) => ({
        category: week.weekStart,
        series: t.groupType,
        seriesLabel: seriesLabel(t.groupType),
        ...proportionFields(t.figures.attendanceRate),
      })),
  ]);
}

/** One bar per group type (and the total first) of a served proportion, types without rows left out. */
export function toGroupTypeBars<T>(
  total: T,
  byGroupType: readonly ByType<T>[],
  pick: (figures: T) => {
    rate: number | null;
    numerator: number;
    denominator: number;
    lower?: number | null;
    upper?: number | null;
  },
): Figure[] {
  const bar = (groupType: GroupType | null, figures: T): Figure => ({
    category: seriesLabel(groupType),
    series: groupType ?? 'total',
    seriesLabel: seriesLabel(groupType),
    ...proportionFields(pick(figures)),
  });
  return [
    bar(null, total),
    ...byGroupType.filter((t) => pick(t.figures).denominator > 0).map((t) => bar(t.groupType, t.figures)),
  ];
}

export const noShowRate = (f: AttendanceFiguresFragment) => f.noShowRate;
export const intensityMet = (f: IntensityFiguresFragment) => f.intensityMet;
