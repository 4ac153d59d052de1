// The records of a source file as they stream: a CSV (optionally gzip-compressed) or a workbook's
// sheet (the first, or the one named), each record with the physical line (or sheet row) it starts
// on, header first. Workbook cells become the text a CSV export would hold (the loader's
// spreadsheet-cells.ts): a date cell is ISO, a number stays a number (a serial date is the
// profile's to read).

import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { isGzipFileName, isSpreadsheetFileName } from '../contract';
import { lineBreaksIn } from '../load/csv-to-copy';
import { cellText } from '../load/spreadsheet-cells';

export interface SourceRecord {
  line: number;
  record: string[];
}

export class SourceReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceReadError';
  }
}

async function* csvRecords(path: string): AsyncGenerator<SourceRecord> {
  const input = createReadStream(path);
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: 1_000_000,
  });
  const source = isGzipFileName(path) ? input.pipe(createGunzip()) : input;
  source.on('error', (error: Error) => parser.destroy(error));
  source.pipe(parser);
  // The physical line a record starts on, counted as the loader counts it (csv-to-copy.ts):
  // csv-parse's own `lines` counts a quoted CRLF twice, so it only tells a record that spans lines.
  let nextLine = 1;
  let parserLines = 0;
  let parserEmptyLines = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; empty_lines: number };
    }>) {
      const skipped = info.empty_lines - parserEmptyLines;
      const line = nextLine + skipped;
      const spansLines = info.lines - parserLines - skipped > 1;
      nextLine = line + 1 + (spansLines ? lineBreaksIn(record) : 0);
      parserLines = info.lines;
      parserEmptyLines = info.empty_lines;
      yield { line, record };
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new SourceReadError(
      typeof code === 'string'
        ? `not valid CSV (${code})`
        : `could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    input.destroy();
  }
}

type SheetRow = { number: number; values: unknown };

async function* sheetRecords(path: string, sheetName: string | undefined): AsyncGenerator<SourceRecord> {
  const input = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  let found = false;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name;
      const wanted = sheetName === undefined || name?.toLowerCase() === sheetName.toLowerCase();
      for await (const row of sheet as AsyncIterable<SheetRow>) {
        if (!wanted) continue;
        const cells = Array.isArray(row.values) ? (row.values as unknown[]) : [];
        const record = cells.slice(1).map((cell) => cellText(cell, false));
        if (record.every((field) => field.trim() === '')) continue;
        yield { line: row.number, record };
      }
      if (wanted) {
        found = true;
        break;
      }
    }
  } catch (error) {
    throw new SourceReadError(
      `could not be read as a spreadsheet workbook: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    input.destroy();
  }
  if (!found) throw new SourceReadError(`the workbook has no sheet named "${sheetName}"`);
}

export function readSource(path: string, sheet?: string): AsyncGenerator<SourceRecord> {
  return isSpreadsheetFileName(path) ? sheetRecords(path, sheet) : csvRecords(path);
}

/** The header, and for each column the first distinct non-empty values (up to `samples`). */
export async function sampleSource(
  path: string,
  options: { sheet?: string; samples?: number; rows?: number } = {},
): Promise<{ header: string[]; samples: string[][] }> {
  const wanted = options.samples ?? 8;
  const rows = options.rows ?? 500;
  let header: string[] | null = null;
  const seen: Set<string>[] = [];
  let read = 0;
  for await (const { record } of readSource(path, options.sheet)) {
    if (header === null) {
      header = record.map((name) => name.trim());
      header.forEach(() => seen.push(new Set()));
      continue;
    }
    record.forEach((value, i) => {
      const set = seen[i];
      if (set !== undefined && value.trim() !== '' && set.size < wanted) set.add(value.trim());
    });
    if (++read >= rows) break;
  }
  if (header === null) throw new SourceReadError('the file is empty');
  return { header, samples: seen.map((set) => [...set]) };
}
