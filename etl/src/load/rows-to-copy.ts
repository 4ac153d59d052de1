// The record side shared by every file format: the first record is the header (checked against
// the contract), each later one a row that is validated and either appended as a COPY line for the
// staging table or sent to the reject spool. CSV (csv-to-copy.ts) and spreadsheets (xlsx-to-copy.ts)
// only differ in how they find records and the line or sheet row each starts on.

import {
  type AcceptedHeader,
  checkHeader,
  createRowValidator,
  type FileKind,
  type RowError,
  type RowValidator,
  WHOLE_ROW,
} from '../contract';
import { copyField, type CopyValue } from './copy-text';
import { FileRefusedError } from './errors';
import type { RejectSink } from './reject-spool';

const PROGRESS_EVERY_ROWS = 8192;

export interface RowsToCopyOptions {
  kind: FileKind;
  /** Contract columns in the order of the staging table's COPY column list (after `line`). */
  columns: readonly string[];
  rejects: RejectSink;
  onRows?: (rowsRead: number) => void;
  /** For tests: the year birth_year is bounded by. */
  currentYear?: number;
}

export class RowsToCopy {
  /** Data rows read (header excluded), valid or not. */
  rowsRead = 0;
  /** Data rows with at least one error (not sent to the database). */
  rowsRejected = 0;
  header: AcceptedHeader<FileKind> | null = null;
  /** Set when the header is refused: the file is refused and nothing more is taken. */
  failure: FileRefusedError | null = null;
  /** COPY text not yet passed on. */
  output = '';

  private validate: RowValidator<FileKind> | null = null;

  constructor(private readonly settings: RowsToCopyOptions) {}

  take(record: readonly string[], line: number): void {
    if (this.failure !== null) return;
    if (this.validate === null) {
      const header = checkHeader(this.settings.kind, record);
      if (!header.ok) {
        this.failure = new FileRefusedError(header.error, header.detail);
        return;
      }
      this.header = header;
      this.validate = createRowValidator(header, { currentYear: this.settings.currentYear });
      return;
    }
    this.rowsRead++;
    if ((this.rowsRead & (PROGRESS_EVERY_ROWS - 1)) === 0) this.settings.onRows?.(this.rowsRead);
    const result = this.validate(record);
    if (!result.ok) {
      this.rowsRejected++;
      this.reject(line, result.errors);
      return;
    }
    const fields: Readonly<Record<string, unknown>> = result.row;
    const columns = this.settings.columns;
    let text = String(line);
    for (let i = 0; i < columns.length; i++) text += '\t' + copyField(fields[columns[i]!] as CopyValue);
    this.output += text + '\n';
  }

  /** The COPY text gathered so far, handed over once. */
  takeOutput(): string {
    const text = this.output;
    this.output = '';
    return text;
  }

  /** At the end of the file: refused if it held no header at all. */
  finish(): void {
    if (this.failure === null && this.header === null) {
      this.failure = new FileRefusedError('the file is empty: it has no header row');
    }
    this.settings.onRows?.(this.rowsRead);
  }

  private reject(line: number, errors: readonly RowError[]): void {
    for (const error of errors) {
      // An error about the whole row (wrong number of fields) has no column and no single value.
      if (error.column === WHOLE_ROW) this.settings.rejects.add(line, null, null, error.reason, error.detail);
      else this.settings.rejects.add(line, error.column, error.value, error.reason, error.detail);
    }
  }
}
