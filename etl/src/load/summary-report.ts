// The end-of-load summary as text for people: one line per file, refusals and warnings under it,
// a few sample rejects (participant IDs already masked in the summary), and where the rest are.

import type { FileSummary, LoadSummary } from './types';

const number = new Intl.NumberFormat('en-US');

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

const COLUMNS = ['read', 'inserted', 'updated', 'unchanged', 'rejected'] as const;

type Column = (typeof COLUMNS)[number];

/** Each count column as wide as its heading or its widest number (millions of rows stay aligned). */
function columnWidths(files: readonly FileSummary[]): Record<Column, number> {
  const widths = {} as Record<Column, number>;
  for (const c of COLUMNS) widths[c] = Math.max(c.length, ...files.map((f) => number.format(f[c]).length)) + 3;
  return widths;
}

function fileLines(file: FileSummary, nameWidth: number, widths: Record<Column, number>): string[] {
  const name = file.file.padEnd(nameWidth);
  // The operator running the loader may read the details (paths, header cells); they hold no rows.
  const detail = file.detail === undefined ? '' : ` (${file.detail})`;
  if (file.status === 'refused') return [`  ${name}  REFUSED: ${file.message ?? ''}${detail}`];
  const counts = COLUMNS.map((c) => number.format(file[c]).padStart(widths[c])).join('');
  const lines = [`  ${name}${counts}${seconds(file.durationMs).padStart(9)}`];
  for (const warning of file.warnings) lines.push(`    warning: ${warning}${detail}`);
  for (const reject of file.sampleRejects) {
    const where = reject.column === null ? 'the row' : reject.column;
    const value = reject.value === null ? '' : ` ${JSON.stringify(reject.value)}`;
    lines.push(`    line ${reject.line}, ${where}${value}: ${reject.reason}`);
  }
  if (file.rejected > file.sampleRejects.length && file.sampleRejects.length > 0) {
    lines.push(`    … ${number.format(file.rejected - file.sampleRejects.length)} more rejected rows`);
  }
  return lines;
}

export function formatSummary(summary: LoadSummary): string {
  const lines: string[] = [];
  if (summary.status === 'failed') {
    const detail = summary.detail === undefined ? '' : ` (${summary.detail})`;
    lines.push(`Load failed, nothing was stored: ${summary.message ?? 'unknown error'}${detail}`);
  } else {
    const nameWidth = Math.max(4, ...summary.files.map((f) => f.file.length));
    const widths = columnWidths(summary.files);
    lines.push(
      `  ${'file'.padEnd(nameWidth)}${COLUMNS.map((c) => c.padStart(widths[c])).join('')}${'time'.padStart(9)}`,
    );
    for (const file of summary.files) lines.push(...fileLines(file, nameWidth, widths));
    const t = summary.totals;
    lines.push(
      `Load ${summary.loadId} ${summary.status === 'succeeded' ? 'succeeded' : 'committed with rejects or refused files'} in ${seconds(summary.durationMs)}: ` +
        `${number.format(t.read)} rows read, ${number.format(t.inserted)} inserted, ${number.format(t.updated)} updated, ` +
        `${number.format(t.unchanged)} unchanged, ${number.format(t.rejected)} rejected`,
    );
    if (summary.rejectsFile !== null) lines.push(`Rejected rows: ${summary.rejectsFile}`);
  }
  for (const warning of summary.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n') + '\n';
}
