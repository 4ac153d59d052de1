import { addDays } from '../episodes/episode-scope';
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
  byWeek: {
    weekStart: string;
    isoWeek: string;
    partial: boolean;
    total: F;
    byGroupType: { groupType: GroupType; figures: F }[];
  }[];
}

/**
 * A partial ISO week (docs/METRICS.md, "Comparisons over time"): one that the period's first day,
 * its last day or as_of cuts, so that some of its days lie outside what is counted.
 */
export function isPartialWeek(monday: string, scope: Pick<Scope, 'from' | 'to' | 'asOf'>): boolean {
  const lastDay = scope.to < scope.asOf ? scope.to : scope.asOf;
  return monday < scope.from || addDays(monday, 6) > lastDay;
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
  // Rows sorted out by week in one pass: a year is 53 weeks of up to seven rows each.
  const period: R[] = [];
  const weeks = new Map<string, R[]>();
  for (const row of rows) {
    if (row.weekStart === null) period.push(row);
    else {
      const week = weeks.get(row.weekStart);
      if (week) week.push(row);
      else weeks.set(row.weekStart, [row]);
    }
  }
  const cell = (subset: R[]) => {
    const byType = new Map<GroupType, F>();
    let total: R | undefined;
    for (const r of subset) {
      if (r.groupType === null) total = r;
      else byType.set(r.groupType, figures(r));
    }
    return { total: figures(total), byGroupType: perGroupType(scope, byType, () => figures(undefined)) };
  };
  return {
    ...cell(period),
    byWeek: [...weeks.keys()].sort().map((weekStart) => {
      const week = weeks.get(weekStart)!;
      return {
        weekStart,
        isoWeek: week[0]!.isoWeek as string,
        partial: isPartialWeek(weekStart, scope),
        ...cell(week),
      };
    }),
  };
}
