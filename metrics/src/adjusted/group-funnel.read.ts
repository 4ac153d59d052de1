import { readEpisodeScopeStoredOrLive, readStoredOrLive, type DerivedStamp, type SqlRunner } from '../read';
import { type EpisodeScopeParams, type Scope, sessionScopeParams } from '../scope';
import {
  GROUP_ATTENDANCE_FUNNEL_DERIVED_SQL,
  GROUP_ATTENDANCE_FUNNEL_SQL,
  GROUP_EPISODE_FUNNEL_DERIVED_SQL,
  GROUP_EPISODE_FUNNEL_SQL,
} from './group-funnel.sql';

/** Per group of a session scope: attended (k) of scheduled minus excused (n). */
export function readGroupAttendanceFunnel<T>(run: SqlRunner, stamp: DerivedStamp | null, scope: Scope): Promise<T[]> {
  const params = sessionScopeParams(scope);
  return readStoredOrLive(
    run,
    stamp,
    scope.asOf,
    { stored: GROUP_ATTENDANCE_FUNNEL_DERIVED_SQL, live: GROUP_ATTENDANCE_FUNNEL_SQL },
    params,
  );
}

/**
 * Per group of an episode scope: the retention and completion counts (GROUP_EPISODE_FUNNEL_SQL).
 * The derived episode covariates hold each episode's group: no attendance row is read.
 */
export function readGroupEpisodeFunnel<T>(
  run: SqlRunner,
  stamp: DerivedStamp | null,
  scope: EpisodeScopeParams,
): Promise<T[]> {
  return readEpisodeScopeStoredOrLive(run, stamp, scope, {
    stored: GROUP_EPISODE_FUNNEL_DERIVED_SQL,
    live: GROUP_EPISODE_FUNNEL_SQL,
  });
}
