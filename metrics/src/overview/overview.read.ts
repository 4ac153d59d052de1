import { derivedAnswers, type DerivedStamp, type SqlRunner } from '../read';
import type { EpisodeScopeParams } from '../scope';
import { OVERVIEW_DERIVED_ALL_EPISODES_SQL, OVERVIEW_DERIVED_SQL, OVERVIEW_SQL } from './overview.sql';

/** The current period [from, to] and the previous one [previousFrom, previousTo] of the overview. */
export interface OverviewPeriods {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

/**
 * The overview's two rows (current and previous period) for an episode scope, the group types
 * whose sessions are counted, and the two periods: over all episodes from the per-day rows,
 * filtered from derived.episode_fact, or live.
 */
export function readOverviewPeriods<T>(
  run: SqlRunner,
  stamp: DerivedStamp | null,
  scope: EpisodeScopeParams,
  periods: OverviewPeriods,
  groupTypes: readonly string[],
): Promise<T[]> {
  const [, , asOf, siteIds, episodeTypes] = scope;
  const { from, to, previousFrom, previousTo } = periods;
  // Every kind of previous period ends before `from`: the scope runs from its first day to `to`.
  const params = [previousFrom, to, asOf, siteIds, episodeTypes, from, previousTo, to, groupTypes];
  if (!derivedAnswers(stamp, asOf)) return run.live(OVERVIEW_SQL, params);
  const allEpisodes = siteIds === null && episodeTypes === null;
  return run.stored(allEpisodes ? OVERVIEW_DERIVED_ALL_EPISODES_SQL : OVERVIEW_DERIVED_SQL, params);
}
