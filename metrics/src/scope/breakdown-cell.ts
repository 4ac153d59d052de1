/**
 * Breakdown rows come out of `GROUP BY GROUPING SETS ((primary_type), ())` keyed by a `cell`
 * column: the group type, or TOTAL_CELL for the all-types total. Episodes without a primary type
 * have cell NULL: they are in the total and in no group type.
 */
export const TOTAL_CELL = 'all';

export const CELL_SQL = `CASE WHEN grouping(primary_type) = 1 THEN '${TOTAL_CELL}' ELSE primary_type END`;
