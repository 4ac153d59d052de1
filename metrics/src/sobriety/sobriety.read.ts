import { readEpisodeScopeStoredOrLive, type DerivedStamp, type SqlRunner } from '../read';
import type { EpisodeScopeParams } from '../scope';
import { ABSTINENCE_MILESTONES } from '../vocabulary';
import { SOBRIETY_DERIVED_SQL, SOBRIETY_SQL } from './sobriety.sql';

/**
 * The one sobriety row of an episode scope (its json lists per cell), with the craving trend up to
 * `lastCravingWeek` (-1: none, and its SQL unrun).
 */
export async function readSobrietyRow<T>(
  run: SqlRunner,
  stamp: DerivedStamp | null,
  scope: EpisodeScopeParams,
  lastCravingWeek: number,
): Promise<T> {
  // The derived milestone check-ins exist for ABSTINENCE_MILESTONES (the same list).
  const params = [...scope, ABSTINENCE_MILESTONES, lastCravingWeek];
  const [row] = await readEpisodeScopeStoredOrLive<T>(
    run,
    stamp,
    scope,
    { stored: SOBRIETY_DERIVED_SQL, live: SOBRIETY_SQL },
    params,
  );
  return row!;
}
