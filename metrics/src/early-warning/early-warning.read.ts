import { readStoredOrLive, type DerivedStamp, type SqlRunner } from '../read';
import { EARLY_WARNING_DERIVED_SQL, EARLY_WARNING_SQL } from './early-warning.sql';

/** What early warning looks at: each open episode's whole recent record, so only as_of and sites apply. */
export interface EarlyWarningScope {
  asOf: string;
  siteIds: string[] | null;
  /** How many at-risk episodes to list. */
  limit: number;
}

/** The summary row, with the first listed episode's columns, then one row per further listed episode. */
export function readEarlyWarningRows<T>(
  run: SqlRunner,
  stamp: DerivedStamp | null,
  { asOf, siteIds, limit }: EarlyWarningScope,
): Promise<T[]> {
  const params = [asOf, siteIds, limit];
  return readStoredOrLive(run, stamp, asOf, { stored: EARLY_WARNING_DERIVED_SQL, live: EARLY_WARNING_SQL }, params);
}
