import { readStoredOrLive, type DerivedStamp, type SqlRunner } from '../read';
import {
  DRILLDOWN_GROUP_SQL,
  DRILLDOWN_GROUPS_DERIVED_SQL,
  DRILLDOWN_GROUPS_SQL,
  DRILLDOWN_SESSIONS_SQL,
} from './drilldown.sql';

/** The drill-down's period [from, to] (ending on or before asOf), at the chosen sites (null = all). */
export interface DrilldownPeriod {
  from: string;
  to: string;
  asOf: string;
  siteIds: string[] | null;
}

/**
 * The type's total row, then its groups' rows (DRILLDOWN_GROUPS_SQL); `groupType` null (a type
 * outside the filter) has none in scope.
 */
export function readDrilldownGroups<T>(
  run: SqlRunner,
  stamp: DerivedStamp | null,
  groupType: string | null,
  { from, to, asOf, siteIds }: DrilldownPeriod,
): Promise<T[]> {
  const params = [groupType, from, to, siteIds];
  // The period ends on or before as_of, so the derived tables cover it when as_of is theirs.
  return readStoredOrLive(
    run,
    stamp,
    asOf,
    { stored: DRILLDOWN_GROUPS_DERIVED_SQL, live: DRILLDOWN_GROUPS_SQL },
    params,
  );
}

/** One group's header row, if it is at the chosen sites (always live: one row by key). */
export function readDrilldownGroup<T>(run: SqlRunner, groupId: string, siteIds: string[] | null): Promise<T[]> {
  return run.live(DRILLDOWN_GROUP_SQL, [groupId, siteIds]);
}

/** The sessions of one group in [from, to] (always live: one group's sessions by index). */
export function readDrilldownSessions<T>(run: SqlRunner, groupId: string, from: string, to: string): Promise<T[]> {
  return run.live(DRILLDOWN_SESSIONS_SQL, [groupId, from, to]);
}
