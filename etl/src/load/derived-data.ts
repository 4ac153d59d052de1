// The hook for whatever the metrics need precomputed from the loaded rows (the derived tables of
// @iop/metrics). Before the load's first write it asks the layer whether its refresh can be
// incremental (the load then records its changes, change-capture.ts); the refresh runs inside the
// load's transaction, after the last file and before the commit, so the dashboard never sees new
// rows without their derived data or the other way round.

import type { PoolClient } from 'pg';
import {
  type DerivedChanges,
  type RefreshReport,
  refreshDerivedTables,
  startDerivedRefresh,
  vacuumDerivedTables,
} from '@iop/metrics';

/** Before the load writes: whether to record changes (the derived tables are current), see startDerivedRefresh. */
export function startDerivedData(client: PoolClient): Promise<DerivedChanges> {
  return startDerivedRefresh(client);
}

/**
 * Brings the derived metric tables (@iop/metrics, metrics/src/derived) up to the rows as they now
 * stand: only what `changes` affect, or every table whole without them (a full rebuild).
 */
export async function refreshDerivedData(client: PoolClient, changes?: DerivedChanges): Promise<RefreshReport> {
  const report = await refreshDerivedTables(client, changes);
  // IOP_ETL_REFRESH_TIMINGS=1: the refresh's slowest steps on stderr (for benchmarks).
  if (process.env.IOP_ETL_REFRESH_TIMINGS === '1') {
    const slowest = Object.entries(report.timings)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12);
    process.stderr.write(
      `derived refresh (${report.incremental ? 'incremental' : 'full'}): ` +
        `${slowest.map(([step, ms]) => `${step} ${Math.round(ms)} ms`).join(', ')}\n`,
    );
  }
  return report;
}

/** After the commit: tidies what the refresh replaced (see vacuumDerivedTables). */
export async function tidyDerivedData(client: PoolClient): Promise<void> {
  await vacuumDerivedTables(client);
}
