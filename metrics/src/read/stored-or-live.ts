import type { EpisodeScopeParams } from '../scope';
import { derivedAnswers, type DerivedStamp } from './derived-stamp';
import type { RowShape, SqlRunner } from './sql-runner';

/** One question asked of the derived tables (`stored`) or of the source rows (`live`), with the same parameters. */
export interface StoredOrLive {
  stored: string;
  live: string;
}

/** The rows of `statements`: the stored statement's when the stamp is for `asOf`, else the live one's. */
export function readStoredOrLive<T>(
  run: SqlRunner,
  stamp: DerivedStamp | null,
  asOf: string,
  statements: StoredOrLive,
  params: readonly unknown[],
  shape?: RowShape,
): Promise<T[]> {
  return derivedAnswers(stamp, asOf)
    ? run.stored<T>(statements.stored, params, shape)
    : run.live<T>(statements.live, params, shape);
}

/** readStoredOrLive of a statement over an episode scope (`params`: the scope's, unless it takes more), at the scope's as-of. */
export function readEpisodeScopeStoredOrLive<T>(
  run: SqlRunner,
  stamp: DerivedStamp | null,
  scope: EpisodeScopeParams,
  statements: StoredOrLive,
  params: readonly unknown[] = scope,
  shape?: RowShape,
): Promise<T[]> {
  const [, , asOf] = scope;
  return readStoredOrLive(run, stamp, asOf, statements, params, shape);
}
