// The row side of reading one file: CSV records → header check → row validation → COPY text.
//
// Built on csv-parse's stream Parser, but records never become stream objects: the Parser hands
// each record to `push` synchronously, and this subclass takes it there, reads the parser's live
// line counters (cheaper than csv-parse's per-record `info` objects, which cost about 2 µs each),
// validates it and appends its COPY line to a buffer that is passed on in large chunks. Valid rows
// go to the database; rows with errors go to the reject spool.

import { Parser } from 'csv-parse';
import type { TransformCallback } from 'node:stream';
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

/** A record longer than this is not an export row: most likely a quote that is never closed. */
export const MAX_RECORD_CHARS = 1_000_000;
const OUTPUT_CHUNK_CHARS = 256 * 1024;
const PROGRESS_EVERY_ROWS = 8192;

export interface CsvToCopyOptions {
  kind: FileKind;
  /** Contract columns in the order of the staging table's COPY column list (after `line`). */
  columns: readonly string[];
  rejects: RejectSink;
  onRows?: (rowsRead: number) => void;
  /** For tests: the year birth_year is bounded by. */
  currentYear?: number;
}

/**
 * csv-parse's messages quote field values (which may be participant IDs): say it in our words,
 * about the record being read (which starts on `line`).
 */
function csvRefusal(error: unknown, line: number): FileRefusedError | undefined {
  if (error instanceof FileRefusedError) return error;
  const { code } = error as { code?: unknown };
  if (typeof code !== 'string') return undefined;
  const record = `the record that starts on line ${line}`;
  const what: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: `${record} opens a quoted field that is never closed`,
    CSV_INVALID_CLOSING_QUOTE: `in ${record}, a quoted field is followed by other characters before the next comma or line end`,
    INVALID_OPENING_QUOTE: `in ${record}, a quote appears inside an unquoted field; a field holding quotes must be quoted, with its quotes doubled`,
    CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: `in ${record}, a quoted field is followed by other characters`,
    CSV_MAX_RECORD_SIZE: `${record} is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters: no export row is that long (most likely a quote is never closed, or the file has no line breaks)`,
  };
  return new FileRefusedError(`not valid CSV: ${what[code] ?? `${code} in ${record}`}`);
}

/** Line breaks inside a record's fields: LF, CRLF and a lone CR each count once. */
export function lineBreaksIn(record: readonly string[]): number {
  let breaks = 0;
  for (const field of record) {
    for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) breaks++;
    for (let at = field.indexOf('\r'); at >= 0; at = field.indexOf('\r', at + 1)) if (field[at + 1] !== '\n') breaks++;
  }
  return breaks;
}

export class CsvToCopy extends Parser {
  /** Data rows read (header excluded), valid or not. */
  rowsRead = 0;
  /** Data rows with at least one error (not sent to the database). */
  rowsRejected = 0;
  header: AcceptedHeader<FileKind> | null = null;

  private validate: RowValidator<FileKind> | null = null;
  private failure: FileRefusedError | null = null;
  private output = '';
  /** The physical line after the last record, and csv-parse's counters as they were then. */
  private nextLine = 1;
  private parserLines = 0;
  private parserEmptyLines = 0;

  constructor(private readonly settings: CsvToCopyOptions) {
    super({ bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_CHARS });
  }

  // csv-parse calls push once per record, synchronously, while it parses a chunk.
  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) return super.push(null, encoding);
    const record = chunk as string[];
    const info = this.info;
    // The physical line a person finds in an editor: after the previous record and the empty lines
    // skipped since. csv-parse's own `lines` counts a quoted CRLF twice, so it only serves to tell
    // whether the record spans several lines (rare); then its own line breaks are counted.
    const skipped = info.empty_lines - this.parserEmptyLines;
    const line = this.nextLine + skipped;
    const spansLines = info.lines - this.parserLines - skipped > 1;
    this.nextLine = line + 1 + (spansLines ? lineBreaksIn(record) : 0);
    this.parserLines = info.lines;
    this.parserEmptyLines = info.empty_lines;
    if (this.failure === null) this.onRecord(record, line);
    return true;
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    super._transform(chunk, encoding, (error) => this.afterChunk(error, callback));
  }

  override _flush(callback: TransformCallback): void {
    super._flush((error) => {
      if (error === undefined && this.failure === null && this.header === null) {
        this.failure = new FileRefusedError('the file is empty: it has no header row');
      }
      this.afterChunk(
        error,
        () => {
          if (this.output.length > 0) super.push(this.output);
          this.output = '';
          this.settings.onRows?.(this.rowsRead);
          callback();
        },
        callback,
      );
    });
  }

  private afterChunk(error: Error | null | undefined, next: TransformCallback, fail: TransformCallback = next): void {
    const failure = this.failure ?? (error ? (csvRefusal(error, this.nextLine) ?? error) : null);
    if (failure) {
      fail(failure);
      return;
    }
    if (this.output.length >= OUTPUT_CHUNK_CHARS) {
      super.push(this.output);
      this.output = '';
    }
    // Many rejected rows: let the spool's file catch up before reading on.
    if (this.settings.rejects.needsFlush()) this.settings.rejects.flush().then(() => next(), next);
    else next();
  }

  private onRecord(record: string[], line: number): void {
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

  private reject(line: number, errors: readonly RowError[]): void {
    for (const error of errors) {
      // An error about the whole row (wrong number of fields) has no column and no single value.
      if (error.column === WHOLE_ROW) this.settings.rejects.add(line, null, null, error.reason, error.detail);
      else this.settings.rejects.add(line, error.column, error.value, error.reason, error.detail);
    }
  }
}
