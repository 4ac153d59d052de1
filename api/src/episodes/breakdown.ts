import { GroupType } from '../filters';

/**
 * Breakdown rows come out of `GROUP BY GROUPING SETS ((primary_type), ())` keyed by a `cell`
 * column: the group type, or TOTAL_CELL for the all-types total. Episodes without a primary type
 * have cell NULL: they are in the total and in no group type.
 */
export const TOTAL_CELL = 'all';

export const CELL_SQL = `CASE WHEN grouping(primary_type) = 1 THEN '${TOTAL_CELL}' ELSE primary_type END`;

/** The all-types total first, then one entry per group type of the scope, in a fixed order. */
export function breakdown<T>(
  groupTypes: readonly GroupType[],
  build: (groupType: GroupType | null) => T,
): { total: T; byGroupType: T[] } {
  return { total: build(null), byGroupType: groupTypes.map((type) => build(type)) };
}

/** The cell key of a breakdown entry. */
export function cellOf(groupType: GroupType | null): string {
  return groupType ?? TOTAL_CELL;
}
