// Streams one file into a temporary staging table with COPY: the whole file pipeline of
// read-file.ts and csv-to-copy.ts ends in pg-copy-streams, inside the load's transaction.

import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { AcceptedHeader, FileKind } from '../contract';
import { CsvToCopy } from './csv-to-copy';
import type { LoadFile } from './discover-files';
import { FileRefusedError } from './errors';
import { pauseHere, shouldPause } from './pause-hook';
import { asFileRefusal, openFile } from './read-file';
import type { RejectSink } from './reject-spool';
import { RowsToCopy } from './rows-to-copy';
import { STAGE, STAGE_BAD, type TableSpec } from './tables';
import { xlsxToCopy } from './xlsx-to-copy';

export interface StagedFile {
  header: AcceptedHeader<FileKind>;
  rowsRead: number;
  /** Rows refused by validation while reading (their errors are in the spool). */
  rowsRejected: number;
  /** Rows now in the staging table. */
  rowsStaged: number;
}

export interface StageOptions {
  rejects: RejectSink;
  onRows?: (rowsRead: number, bytesRead: number) => void;
  signal?: AbortSignal;
  currentYear?: number;
}

/**
 * The staging tables take the real table's column types (domains included, so keys are checked by
 * the server while the COPY streams in, overlapping with parsing here) plus the file line of each
 * row. Temporary: never written to the WAL, invisible to other sessions, gone at the end of the
 * transaction whatever happens.
 */
export async function createStagingTables(client: PoolClient, spec: TableSpec): Promise<void> {
  await client.query(`CREATE TEMP TABLE ${STAGE} (line bigint NOT NULL, LIKE ${spec.table}) ON COMMIT DROP`);
  await client.query(`CREATE TEMP TABLE ${STAGE_BAD} (line bigint PRIMARY KEY) ON COMMIT DROP`);
}

export async function dropStagingTables(client: PoolClient): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${STAGE}, ${STAGE_BAD}`);
}

/** Passes the first chunk on to the COPY, then stops the stream there (IOP_ETL_PAUSE_AT=copy). */
class PauseInCopy extends Transform {
  private chunks = 0;
  constructor(private readonly file: string) {
    super({ objectMode: true });
  }
  override _transform(chunk: unknown, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.chunks++ !== 1) callback(null, chunk);
    else void pauseHere('copy', this.file).then(() => callback(null, chunk));
  }
  override _flush(callback: TransformCallback): void {
    if (this.chunks > 1) callback();
    else void pauseHere('copy', this.file).then(() => callback());
  }
}

export async function stageFile(
  client: PoolClient,
  file: LoadFile,
  spec: TableSpec,
  options: StageOptions,
): Promise<StagedFile> {
  const source = openFile(file);
  const settings = {
    kind: spec.kind,
    columns: spec.columns,
    rejects: options.rejects,
    onRows: (rowsRead: number) => options.onRows?.(rowsRead, source.bytesRead()),
    currentYear: options.currentYear,
  };
  const columns = ['line', ...spec.columns].join(', ');
  const copy = client.query(copyFrom(`COPY ${STAGE} (${columns}) FROM STDIN`));
  // A spreadsheet is read from the file stream by the workbook reader itself; CSV bytes go
  // through the byte stages (gunzip, UTF-8 check) into the CSV parser.
  const rows = file.spreadsheet ? new RowsToCopy(settings) : new CsvToCopy(settings);
  const head: NodeJS.ReadableStream =
    rows instanceof CsvToCopy ? source.head : xlsxToCopy(source.head, spec.kind, rows);
  const stages: NodeJS.ReadWriteStream[] = rows instanceof CsvToCopy ? [...source.streams, rows] : [];
  if (shouldPause('copy', spec.kind)) stages.push(new PauseInCopy(file.name));
  try {
    await pipeline([head, ...stages, copy], { signal: options.signal });
  } catch (error) {
    throw asFileRefusal(error) ?? error;
  }
  if (rows.header === null) throw new FileRefusedError('the file is empty: it has no header row');
  return {
    header: rows.header,
    rowsRead: rows.rowsRead,
    rowsRejected: rows.rowsRejected,
    rowsStaged: copy.rowCount,
  };
}
