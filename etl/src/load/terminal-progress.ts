// Progress for people, on stderr: a live bar on a terminal (cli-progress), and a plain line every
// few seconds when stderr is a file or a CI log, where a redrawn bar would be noise.

import { SingleBar } from 'cli-progress';
import type { LoadProgress } from './types';

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

const PLAIN_LINE_EVERY_MS = 2000;
const number = new Intl.NumberFormat('en-US');

function rate(progress: LoadProgress): number {
  return progress.elapsedMs > 0 ? Math.round((progress.rowsRead * 1000) / progress.elapsedMs) : 0;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function percent(progress: LoadProgress): number {
  return progress.bytesTotal > 0 ? Math.min(100, Math.floor((progress.bytesRead * 100) / progress.bytesTotal)) : 0;
}

const PHASE_TEXT: Readonly<Record<string, string>> = {
  checking: 'checking against the database',
  upserting: 'writing to the tables',
};

export function createProgressPrinter(output: ProgressOutput): (progress: LoadProgress) => void {
  return output.isTTY ? barPrinter(output) : plainPrinter(output);
}

function barPrinter(output: ProgressOutput): (progress: LoadProgress) => void {
  const bar = new SingleBar({
    stream: output as NodeJS.WritableStream,
    format: ' {file} |{bar}| {percentage}% | {rows} rows | {rate} rows/s | {phase}',
    barsize: 24,
    hideCursor: true,
    clearOnComplete: true,
  });
  let active = false;
  return (progress) => {
    if (progress.phase === 'waiting-for-lock') {
      output.write('waiting for another load to finish…\n');
      return;
    }
    if (progress.file === undefined) return;
    const payload = {
      file: `[${progress.fileIndex}/${progress.fileCount}] ${progress.file}`,
      rows: number.format(progress.rowsRead),
      rate: number.format(rate(progress)),
      phase: PHASE_TEXT[progress.phase] ?? progress.phase,
    };
    if (progress.phase === 'file-done') {
      if (active) bar.stop();
      active = false;
      return;
    }
    const total = Math.max(progress.bytesTotal, 1);
    if (!active) {
      bar.start(total, 0, payload);
      active = true;
    }
    bar.update(progress.phase === 'reading' ? progress.bytesRead : total, payload);
  };
}

function plainPrinter(output: ProgressOutput): (progress: LoadProgress) => void {
  let lastLineAt = 0;
  let currentFile = '';
  return (progress) => {
    const file = progress.file === undefined ? '' : `[${progress.fileIndex}/${progress.fileCount}] ${progress.file}`;
    switch (progress.phase) {
      case 'waiting-for-lock':
        output.write('waiting for another load to finish…\n');
        return;
      case 'reading': {
        const now = performance.now();
        if (file !== currentFile) {
          currentFile = file;
          lastLineAt = now;
          output.write(`${file}: reading ${megabytes(progress.bytesTotal)}…\n`);
          return;
        }
        if (now - lastLineAt < PLAIN_LINE_EVERY_MS) return;
        lastLineAt = now;
        output.write(
          `${file}: ${number.format(progress.rowsRead)} rows read, ${percent(progress)}% of ${megabytes(progress.bytesTotal)}, ${number.format(rate(progress))} rows/s\n`,
        );
        return;
      }
      case 'checking':
      case 'upserting':
        output.write(`${file}: ${PHASE_TEXT[progress.phase]}…\n`);
        return;
      default:
        return; // file-done, committing and done are covered by the summary
    }
  };
}
