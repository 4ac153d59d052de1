/**
 * The derived tables' stamp (table derived.meta): the as_of they were computed for. The derived
 * tables (schema derived, metrics/src/derived; filled by the loader) answer a query only when its
 * as_of is theirs; any write to the source tables outside the loader removes `derived.meta`, and
 * the live SQL answers until the next load. The caller reads the stamp (null without one, or while
 * derived data are turned off) and hands it to each read function, which decides here.
 */
export interface DerivedStamp {
  asOf: string;
  /** No participant-week spans two sites: per-site weekly cells add up across sites. */
  singleSite: boolean;
}

/** Whether the derived tables can answer a query as of `asOf`. */
export function derivedAnswers(stamp: DerivedStamp | null, asOf: string): stamp is DerivedStamp {
  return stamp !== null && stamp.asOf === asOf;
}

/**
 * The derived.participant_week_cell key of the all-types week for a session scope, or null when the cells
 * cannot answer it (then the live SQL does): the cells hold the all-types week of all five types
 * and each type's own week, per site and for all sites together.
 */
export function participantWeekAllTypesKey(
  stamp: DerivedStamp | null,
  scope: { asOf: string; siteIds: readonly string[] | null; groupTypes: readonly string[] },
): string | null {
  if (!derivedAnswers(stamp, scope.asOf)) return null;
  if (scope.siteIds !== null && scope.siteIds.length > 1 && !stamp.singleSite) return null;
  if (scope.groupTypes.length === 5) return '*';
  return scope.groupTypes.length === 1 ? scope.groupTypes[0]! : null;
}
