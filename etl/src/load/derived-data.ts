// The hook for whatever the metrics need precomputed from the loaded rows (summary tables,
// materialised views). It runs inside the load's transaction, after the last file and before the
// commit, so the dashboard never sees new rows without their derived data or the other way round.

import type { PoolClient } from 'pg';

/** Nothing is precomputed yet; the metrics work fills this in (e.g. REFRESH MATERIALIZED VIEW). */
export async function refreshDerivedData(_client: PoolClient): Promise<void> {
  // Intentionally empty.
}
