// The row side of reading one spreadsheet (.xlsx): the rows of its first sheet, streamed by
// exceljs's WorkbookReader (the zip and its XML are read as they come, never held whole), each
// cell as the text a CSV export would hold (spreadsheet-cells.ts), then rows-to-copy.ts as for CSV.
// A reject's line is the sheet's row number, as the spreadsheet shows it. Empty rows are skipped
// (as blank lines in a CSV); trailing empty cells of a row are empty fields, not missing ones.

import type { ReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FileRefusedError } from './errors';
import { OUTPUT_CHUNK_CHARS } from './csv-to-copy';
import type { RowsToCopy } from './rows-to-copy';
import { cellText, dateColumns } from './spreadsheet-cells';
import type { FileKind } from '../contract';

const READ_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  // Styles tell a date cell from a number: without them a date would arrive as its serial number.
  styles: 'cache',
  hyperlinks: 'ignore',
  entries: 'emit',
} as const;

const NOT_A_WORKBOOK = 'the file is named .xlsx but could not be read as a spreadsheet workbook';

type Row = { number: number; values: unknown };

function texts(values: unknown, width: number, asDate: readonly boolean[]): string[] {
  const cells = Array.isArray(values) ? (values as unknown[]) : []; // 1-based: cells[0] is unused
  const record: string[] = [];
  for (let i = 1; i < Math.max(cells.length, width + 1); i++) record.push(cellText(cells[i], asDate[i - 1] ?? false));
  return record;
}

async function* copyChunks(source: ReadStream, kind: FileKind, rows: RowsToCopy): AsyncGenerator<string> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, READ_OPTIONS);
  let asDate: boolean[] | null = null;
  let width = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<Row>) {
        const record = texts(row.values, width, asDate ?? []);
        if (record.every((field) => field.trim() === '')) continue;
        if (asDate === null) {
          asDate = dateColumns(kind, record);
          width = record.length;
        }
        rows.take(record, row.number);
        if (rows.failure) throw rows.failure;
        if (rows.output.length >= OUTPUT_CHUNK_CHARS) yield rows.takeOutput();
      }
      break; // the first sheet only: others (notes, pivot tables) are not the export
    }
  } catch (error) {
    if (error instanceof FileRefusedError) throw error;
    throw new FileRefusedError(NOT_A_WORKBOOK, error instanceof Error ? error.message : String(error));
  } finally {
    source.destroy();
  }
  rows.finish();
  if (rows.failure) throw rows.failure;
  const rest = rows.takeOutput();
  if (rest.length > 0) yield rest;
}

/** The COPY text of the workbook's first sheet, as a stream; refusals as FileRefusedError. */
export function xlsxToCopy(source: ReadStream, kind: FileKind, rows: RowsToCopy): Readable {
  return Readable.from(copyChunks(source, kind, rows), { objectMode: false });
}
