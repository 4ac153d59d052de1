// A test hook: with IOP_ETL_PAUSE_AT=<point>[:<kind>] the loader stops at that point of the first
// matching file, prints a marker line on stderr and waits: to be killed (the crash tests land a
// SIGKILL deterministically inside the COPY or after an upsert, before the commit), or for SIGUSR2,
// which lets it carry on (the fault tests stop the database meanwhile).
//
//   copy    — while a file's rows stream into its staging table (COPY in progress)
//   upsert  — right after a file's rows were written into the real table (not yet committed)
//   refresh — after every file, while the derived data is being refreshed (before it is done)
//   commit  — after everything was written, just before COMMIT
//
// Without the variable (production) each check is one comparison.

import type { FileKind } from '../contract';

export const PAUSE_ENV = 'IOP_ETL_PAUSE_AT';
export const PAUSE_MARKER = 'IOP_ETL_PAUSED';

export type PausePoint = 'copy' | 'upsert' | 'refresh' | 'commit';

/** The signal that ends a pause (the process then goes on where it stopped). */
export const RESUME_SIGNAL = 'SIGUSR2';

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

/** Prints the marker and waits for RESUME_SIGNAL; a timer keeps the process alive until then. */
export function pauseHere(point: PausePoint, file?: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const alive = setInterval(() => undefined, 60_000);
    process.once(RESUME_SIGNAL, () => {
      clearInterval(alive);
      resolve();
    });
    process.stderr.write(`${PAUSE_MARKER} ${point}${file === undefined ? '' : ` ${file}`}\n`);
  });
}
