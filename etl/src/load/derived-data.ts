// The hook for whatever the metrics need precomputed from the loaded rows (summary tables,
// materialised views). It runs inside the load's transaction, after the last file and before the
// commit, so the dashboard never sees new rows without their derived data or the other way round.

import type { PoolClient } from 'pg';
import { refreshDerivedTables, vacuumDerivedTables } from '@iop/metrics';

/** Recomputes the derived metric tables (@iop/metrics, metrics/src/derived) from the rows as they now stand. */
export async function refreshDerivedData(client: PoolClient): Promise<void> {
  await refreshDerivedTables(client);
}

/** After the commit: tidies what the refresh replaced (see vacuumDerivedTables). */
export async function tidyDerivedData(client: PoolClient): Promise<void> {
  await vacuumDerivedTables(client);
}
