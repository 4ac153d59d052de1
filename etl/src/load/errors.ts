// The three ways a load or one of its files can stop, told apart by class so that the loader can
// decide what survives: a refused file is rolled back to its savepoint and the load goes on; the
// other two roll back the whole load.
//
// A message is stored in the load's records and read by quality users, so it is written in fixed
// words: no value from the file, no participant ID, no server path. What is particular (header
// cells, paths, a library's own words) goes into `detail`, which only directors see.

/** A file that cannot be read as the contract says: nothing of it is stored, the others still go in. */
export class FileRefusedError extends Error {
  constructor(
    message: string,
    readonly detail: string | null = null,
  ) {
    super(message);
    this.name = 'FileRefusedError';
  }
}

/** The load as a whole cannot start (no such path, two files of one kind): nothing is loaded. */
export class LoadRefusedError extends Error {
  constructor(
    message: string,
    readonly detail: string | null = null,
  ) {
    super(message);
    this.name = 'LoadRefusedError';
  }
}

/** The caller aborted the load (AbortSignal, Ctrl-C): it is rolled back. */
export class LoadCancelledError extends Error {
  constructor(message = 'the load was cancelled; nothing of it was stored') {
    super(message);
    this.name = 'LoadCancelledError';
  }
}
