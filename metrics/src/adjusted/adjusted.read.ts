import { readEpisodeScopeStoredOrLive, type DerivedStamp, type SqlRunner } from '../read';
import type { EpisodeScopeParams } from '../scope';
import { ADJUSTED_PATTERNS_DERIVED_SQL, ADJUSTED_PATTERNS_SQL } from './adjusted.sql';

/** The outcome an adjusted comparison models. */
export type AdjustedPatternsOutcome = keyof typeof ADJUSTED_PATTERNS_SQL;

/**
 * The covariate patterns of an episode scope for one outcome, each row an array in the column
 * order of adjusted.sql.ts: pg builds one object per row otherwise, 100,000 of them at that size.
 */
export function readAdjustedPatterns<T>(
  run: SqlRunner,
  stamp: DerivedStamp | null,
  scope: EpisodeScopeParams,
  outcome: AdjustedPatternsOutcome,
): Promise<T[]> {
  return readEpisodeScopeStoredOrLive(
    run,
    stamp,
    scope,
    { stored: ADJUSTED_PATTERNS_DERIVED_SQL[outcome], live: ADJUSTED_PATTERNS_SQL[outcome] },
    scope,
    'arrays',
  );
}
