// Rows that fail validation while a file streams into its staging table cannot be sent to the
// database at the same time: the connection is busy with the COPY. They are kept as COPY lines for
// etl_reject, in memory while few and in a temporary file once many, and copied in after the file.

import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { finished, pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyLine } from './copy-text';

/** A value longer than this is stored shortened: enough to recognise it, not a whole broken file. */
export const MAX_REJECT_VALUE_CHARS = 1000;
const SPILL_AT_CHARS = 1 << 20;

export function shortenValue(value: string): string {
  return value.length > MAX_REJECT_VALUE_CHARS ? `${value.slice(0, MAX_REJECT_VALUE_CHARS)}…` : value;
}

/** Where rows that fail validation go while a file is read (the spool, or a test's list). */
export interface RejectSink {
  /** `reason` is the rule's fixed text; `detail` what is particular to the row (see ../contract/rows.ts). */
  add(line: number, column: string | null, value: string | null, reason: string, detail: string | null): void;
  needsFlush(): boolean;
  flush(): Promise<void>;
}

export class RejectSpool implements RejectSink {
  /** Reject entries (one per column at fault; a row may have several). */
  entries = 0;
  private buffer = '';
  private file: { path: string; stream: WriteStream } | null = null;
  private readonly prefix: string;

  constructor(loadId: number, fileName: string) {
    // Every line starts with the load and file: the spool copies straight into etl_reject.
    this.prefix = copyLine([loadId, fileName]).slice(0, -1) + '\t';
  }

  add(line: number, column: string | null, value: string | null, reason: string, detail: string | null): void {
    const shortValue = value === null ? null : shortenValue(value);
    this.buffer += this.prefix + copyLine([line, column, shortValue, reason, detail]);
    this.entries++;
  }

  needsFlush(): boolean {
    return this.buffer.length >= SPILL_AT_CHARS;
  }

  /** Moves the buffer to the spool file, waiting while the disk is behind. */
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    if (this.file === null) {
      const file = path.join(tmpdir(), `iop-etl-rejects-${process.pid}-${randomUUID()}.tsv`);
      this.file = { path: file, stream: createWriteStream(file) };
    }
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.file.stream.write(chunk)) await once(this.file.stream, 'drain');
  }

  /** Copies every entry into etl_reject on the load's connection, then removes the spool file. */
  async copyInto(client: PoolClient): Promise<void> {
    if (this.entries === 0) return;
    const sql = 'COPY etl_reject (load_id, file_name, line, column_name, value, reason, detail) FROM STDIN';
    if (this.file === null) {
      await pipeline(Readable.from([this.buffer]), client.query(copyFrom(sql)));
    } else {
      await this.flush();
      this.file.stream.end();
      await finished(this.file.stream);
      await pipeline(createReadStream(this.file.path), client.query(copyFrom(sql)));
    }
    await this.discard();
  }

  async discard(): Promise<void> {
    this.buffer = '';
    const file = this.file;
    this.file = null;
    if (file === null) return;
    file.stream.destroy();
    await rm(file.path, { force: true });
  }
}
