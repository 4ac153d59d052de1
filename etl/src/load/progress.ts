// Progress as the loader sees it, reduced to a few events a second: callers print it or push it to
// a browser, and neither wants an event per 8,192 rows of a fast file.

import type { FileKind } from '../contract';
import type { FileSummary, LoadPhase, LoadProgress } from './types';

const READING_EVENT_EVERY_MS = 100;

export interface FileProgressState {
  file: string;
  kind: FileKind | null;
  fileIndex: number;
  bytesTotal: number;
  startedAt: number;
}

export class ProgressReporter {
  private lastReadingAt = 0;
  private readonly loadStartedAt = performance.now();

  constructor(
    private readonly fileCount: number,
    private readonly listener: ((progress: LoadProgress) => void) | undefined,
  ) {}

  /** A load-wide phase (waiting for the lock, committing, done). */
  load(phase: LoadPhase): void {
    this.emit({
      phase,
      fileIndex: 0,
      fileCount: this.fileCount,
      rowsRead: 0,
      bytesRead: 0,
      bytesTotal: 0,
      elapsedMs: performance.now() - this.loadStartedAt,
    });
  }

  file(state: FileProgressState, phase: LoadPhase, rowsRead: number, bytesRead: number, summary?: FileSummary): void {
    const now = performance.now();
    // The first event of a file always goes out; the rest of its reading is thinned out.
    if (phase === 'reading' && rowsRead > 0) {
      if (now - this.lastReadingAt < READING_EVENT_EVERY_MS) return;
      this.lastReadingAt = now;
    }
    this.emit({
      phase,
      file: state.file,
      kind: state.kind,
      fileIndex: state.fileIndex,
      fileCount: this.fileCount,
      rowsRead,
      bytesRead,
      bytesTotal: state.bytesTotal,
      elapsedMs: now - state.startedAt,
      summary,
    });
  }

  private emit(progress: LoadProgress): void {
    if (this.listener === undefined) return;
    try {
      this.listener(progress);
    } catch {
      // A broken progress display must not break the load.
    }
  }
}
