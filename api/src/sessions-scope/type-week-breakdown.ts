import { GroupType, Scope } from '../filters';
import { perGroupType } from './group-type-order';

/** A result row of a GROUPING SETS ((group_type), (group_type, week)) style statement. */
export interface TypeWeekRow {
  /** null = all group types */
  groupType: GroupType | null;
  /** null = the whole period */
  weekStart: string | null;
  isoWeek: string | null;
}

export interface TypeWeekBreakdown<F> {
  total: F;
  byGroupType: { groupType: GroupType; figures: F }[];
  byWeek: { weekStart: string; isoWeek: string; total: F; byGroupType: { groupType: GroupType; figures: F }[] }[];
}

/**
 * Shapes period and weekly rows into total, by group type and by week (each week with its own
 * total and types). `figures(undefined)` gives the figures of a cell without rows.
 */
export function typeWeekBreakdown<R extends TypeWeekRow, F>(
  scope: Scope,
  rows: R[],
  figures: (row: R | undefined) => F,
): TypeWeekBreakdown<F> {
  const typeMap = (subset: R[]) =>
    new Map(subset.filter((r) => r.groupType !== null).map((r) => [r.groupType as GroupType, figures(r)]));
  const none = () => figures(undefined);
  const period = rows.filter((r) => r.weekStart === null);
  const weekStarts = [...new Set(rows.filter((r) => r.weekStart !== null).map((r) => r.weekStart as string))].sort();
  return {
    total: figures(period.find((r) => r.groupType === null)),
    byGroupType: perGroupType(scope, typeMap(period), none),
    byWeek: weekStarts.map((weekStart) => {
      const week = rows.filter((r) => r.weekStart === weekStart);
      return {
        weekStart,
        isoWeek: week[0].isoWeek as string,
        total: figures(week.find((r) => r.groupType === null)),
        byGroupType: perGroupType(scope, typeMap(week), none),
      };
    }),
  };
}
