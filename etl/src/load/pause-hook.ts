// A test hook: with IOP_ETL_PAUSE_AT=<point>[:<kind>] the loader stops at that point of the first
// matching file, prints a marker line on stderr and waits to be killed. The crash tests use it to
// land a SIGKILL deterministically inside the COPY or after an upsert, before the commit.
//
//   copy    — while a file's rows stream into its staging table (COPY in progress)
//   upsert  — right after a file's rows were written into the real table (not yet committed)
//   commit  — after everything was written, just before COMMIT
//
// Without the variable (production) each check is one comparison.

import type { FileKind } from '../contract';

export const PAUSE_ENV = 'IOP_ETL_PAUSE_AT';
export const PAUSE_MARKER = 'IOP_ETL_PAUSED';

export type PausePoint = 'copy' | 'upsert' | 'commit';

let used = false;

/** Whether the loader should pause here; true at most once per process. */
export function shouldPause(point: PausePoint, kind?: FileKind | null): boolean {
  const wanted = process.env[PAUSE_ENV];
  if (used || wanted === undefined || wanted === '') return false;
  const [wantedPoint, wantedKind] = wanted.split(':');
  if (wantedPoint !== point) return false;
  if (wantedKind !== undefined && wantedKind !== kind) return false;
  used = true;
  return true;
}

/** Prints the marker and never returns; a timer keeps the process alive until it is killed. */
export function pauseForever(point: PausePoint, file?: string): Promise<never> {
  process.stderr.write(`${PAUSE_MARKER} ${point}${file === undefined ? '' : ` ${file}`}\n`);
  setInterval(() => undefined, 60_000);
  return new Promise<never>(() => undefined);
}
