import { TOTAL_CELL } from '@iop/metrics';
import { GroupType } from '../filters';

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

export { TOTAL_CELL };
