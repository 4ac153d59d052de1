import { derivedAnswers, type DerivedStamp, type SqlRunner } from '../read';
import type { EpisodeScopeParams } from '../scope';
import {
  RETENTION_DERIVED_ALL_SITES_SQL,
  RETENTION_DERIVED_CODES,
  RETENTION_DERIVED_SQL,
  RETENTION_SQL,
} from './retention.sql';

/** The retention counts of an episode scope (survival, reason and length-of-stay rows; RETENTION_SQL). */
export function readRetentionCounts<T>(
  run: SqlRunner,
  stamp: DerivedStamp | null,
  scope: EpisodeScopeParams,
): Promise<T[]> {
  const [, , asOf, siteIds] = scope;
  if (!derivedAnswers(stamp, asOf)) return run.live(RETENTION_SQL, scope);
  const sql = siteIds === null ? RETENTION_DERIVED_ALL_SITES_SQL : RETENTION_DERIVED_SQL;
  return run.stored(sql, [...scope, ...RETENTION_DERIVED_CODES]);
}
