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
