import type { DerivedStamp, SqlRunner } from '@iop/metrics';
import { DataSource } from 'typeorm';
import { requestMemo } from '../auth/current-user';
import { sqlRunner } from '../database/sql-runner';

// The derived metric tables (schema derived, metrics/src/derived; filled by the loader) hold
// figures as of the data's default as_of. Whether they answer a query, and with which statement, is the
// metrics read functions' choice (@iop/metrics, metrics/src/read); the API reads their stamp once
// per request and hands it to them.

let enabled = true;

/** For tests and the benchmark: off = every query runs its live SQL. */
export function setDerivedDataEnabled(on: boolean): void {
  enabled = on;
}

/** The derived tables' stamp as one json value, or NULL without one (a scalar subquery). */
export const DERIVED_META_SQL = `(SELECT json_build_object('asOf', to_char(as_of, 'YYYY-MM-DD'), 'singleSite', single_site)
    FROM derived.meta)`;

/** The requestMemo key of the stamp: the session check reads it with the session (AuthMiddleware). */
export const DERIVED_META_MEMO = 'derived_stamp';

/**
 * The derived tables' stamp while they are current, else null (also while derived data are
 * turned off). Read once per request, mostly by the session check already: the services of one
 * request agree on it, and save a round trip each.
 */
export async function derivedStamp(dataSource: DataSource): Promise<DerivedStamp | null> {
  if (!enabled) return null;
  return requestMemo(DERIVED_META_MEMO, async () => {
    const rows: { meta: DerivedStamp | null }[] = await dataSource.query(`SELECT ${DERIVED_META_SQL} AS meta`);
    return rows[0]?.meta ?? null;
  });
}

/**
 * A stamp of the loaded data while the derived tables are current (a new one with every load),
 * NULL when they are not: then something wrote to the source tables outside the loader, and
 * nothing computed from the data may be reused. A scalar subquery, so that the session check can
 * read it in the same round trip (every request needs both).
 */
export const DATA_VERSION_SQL = `(SELECT as_of::text || ' ' || refreshed_at::text FROM derived.meta)`;

/** The data version as read (see DATA_VERSION_SQL); always null while derived data are turned off. */
export function dataVersionOf(read: string | null): string | null {
  return enabled ? read : null;
}

export async function dataVersion(dataSource: DataSource): Promise<string | null> {
  const rows: { version: string | null }[] = await dataSource.query(`SELECT ${DATA_VERSION_SQL} AS version`);
  return dataVersionOf(rows[0]?.version ?? null);
}

/** What a metrics read function takes: how to run its statement, and the request's derived stamp. */
export interface MetricsReader {
  run: SqlRunner;
  stamp: DerivedStamp | null;
}

/** A service's reader: `read<Section>(run, stamp, scope)` then picks the statement (live or derived). */
export async function metricsReader(dataSource: DataSource): Promise<MetricsReader> {
  return { run: sqlRunner(dataSource), stamp: await derivedStamp(dataSource) };
}
