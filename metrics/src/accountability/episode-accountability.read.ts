import { readEpisodeScopeStoredOrLive, type DerivedStamp, type SqlRunner } from '../read';
import type { EpisodeScopeParams } from '../scope';
import { EPISODE_ACCOUNTABILITY_DERIVED_SQL, EPISODE_ACCOUNTABILITY_SQL } from './episode-accountability.sql';

/** The episode accountability rows of an episode scope, one per breakdown cell. */
export function readEpisodeAccountabilityRows<T>(
  run: SqlRunner,
  stamp: DerivedStamp | null,
  scope: EpisodeScopeParams,
): Promise<T[]> {
  return readEpisodeScopeStoredOrLive(run, stamp, scope, {
    stored: EPISODE_ACCOUNTABILITY_DERIVED_SQL,
    live: EPISODE_ACCOUNTABILITY_SQL,
  });
}
