// Loads never interleave: each takes a transaction-level advisory lock, released by its COMMIT or
// ROLLBACK (or by the server when the loader's connection dies), so no lock can outlive a crash.

import type { PoolClient } from 'pg';

/** Any fixed bigint will do; this one is "ioptel" in ASCII (0x696f7065746c). */
export const LOAD_LOCK_KEY = '115927347983468';

/** Takes the lock, calling onWait first if another load holds it (then waits for it). */
export async function takeLoadLock(client: PoolClient, onWait: () => void): Promise<void> {
  const tried = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [
    LOAD_LOCK_KEY,
  ]);
  if (tried.rows[0]?.locked === true) return;
  onWait();
  await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [LOAD_LOCK_KEY]);
}
