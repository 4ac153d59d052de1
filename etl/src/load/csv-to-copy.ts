// The row side of reading one CSV file: CSV records → rows-to-copy.ts (header check, row
// validation, COPY text).
//
// Built on csv-parse's stream Parser, but records never become stream objects: the Parser hands
// each record to `push` synchronously, and this subclass takes it there, reads the parser's live
// line counters (cheaper than csv-parse's per-record `info` objects, which cost about 2 µs each),
// validates it and appends its COPY line to a buffer that is passed on in large chunks. Valid rows
// go to the database; rows with errors go to the reject spool.

import { Parser } from 'csv-parse';
import type { TransformCallback } from 'node:stream';
import { FileRefusedError } from './errors';
import { RowsToCopy, type RowsToCopyOptions } from './rows-to-copy';

/** A record longer than this is not an export row: most likely a quote that is never closed. */
export const MAX_RECORD_CHARS = 1_000_000;
export const OUTPUT_CHUNK_CHARS = 256 * 1024;

export type CsvToCopyOptions = RowsToCopyOptions;

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
  private readonly rows: RowsToCopy;
  /** The physical line after the last record, and csv-parse's counters as they were then. */
  private nextLine = 1;
  private parserLines = 0;
  private parserEmptyLines = 0;

  constructor(private readonly settings: CsvToCopyOptions) {
    super({ bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: MAX_RECORD_CHARS });
    this.rows = new RowsToCopy(settings);
  }

  /** Data rows read (header excluded), valid or not. */
  get rowsRead(): number {
    return this.rows.rowsRead;
  }

  /** Data rows with at least one error (not sent to the database). */
  get rowsRejected(): number {
    return this.rows.rowsRejected;
  }

  get header(): RowsToCopy['header'] {
    return this.rows.header;
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
    this.rows.take(record, line);
    return true;
  }

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    super._transform(chunk, encoding, (error) => this.afterChunk(error, callback));
  }

  override _flush(callback: TransformCallback): void {
    super._flush((error) => {
      if (error === undefined) this.rows.finish();
      this.afterChunk(
        error,
        () => {
          const rest = this.rows.takeOutput();
          if (rest.length > 0) super.push(rest);
          callback();
        },
        callback,
      );
    });
  }

  private afterChunk(error: Error | null | undefined, next: TransformCallback, fail: TransformCallback = next): void {
    const failure = this.rows.failure ?? (error ? (csvRefusal(error, this.nextLine) ?? error) : null);
    if (failure) {
      fail(failure);
      return;
    }
    if (this.rows.output.length >= OUTPUT_CHUNK_CHARS) super.push(this.rows.takeOutput());
    // Many rejected rows: let the spool's file catch up before reading on.
    if (this.settings.rejects.needsFlush()) this.settings.rejects.flush().then(() => next(), next);
    else next();
  }
}
