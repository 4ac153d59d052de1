import { GROUP_TYPES, GroupType, Scope } from '../filters';

/** The group types in scope, in the canonical order of the data contract (stable output). */
export function scopeGroupTypes(scope: Scope): GroupType[] {
  return GROUP_TYPES.filter((type) => scope.groupTypes.includes(type));
}

/** One entry per group type in scope; types without rows get the figures of no rows. */
export function perGroupType<F>(
  scope: Scope,
  figuresOf: Map<GroupType, F>,
  none: () => F,
): { groupType: GroupType; figures: F }[] {
  return scopeGroupTypes(scope).map((groupType) => ({ groupType, figures: figuresOf.get(groupType) ?? none() }));
}
