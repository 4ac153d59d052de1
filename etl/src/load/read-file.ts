// The byte side of reading one file: disk → (gunzip) → UTF-8 check. Every stage is a stream with a
// bounded buffer, so memory does not grow with the file.

import { createReadStream, type ReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { FileRefusedError } from './errors';
import type { LoadFile } from './discover-files';

const READ_CHUNK_BYTES = 256 * 1024;

export interface FileSource {
  /** The streams to put at the head of the file's pipeline. */
  streams: NodeJS.ReadWriteStream[];
  head: ReadStream;
  /** Bytes read from disk so far (compressed bytes for a .gz file), for progress by size. */
  bytesRead(): number;
}

/**
 * Refuses text that is not UTF-8 (a Latin-1 or UTF-16 export would otherwise be stored garbled),
 * passing the bytes on unchanged. The decoder keeps a character split across two chunks.
 */
export class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private offset = 0;
  private lines = 1;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      callback(this.refusal(chunk));
      return;
    }
    this.offset += chunk.length;
    for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, at + 1)) this.lines++;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.decoder.decode();
    } catch {
      callback(
        new FileRefusedError(`the file is not UTF-8 text: it ends in the middle of a character; ${EXPORT_AS_UTF8}`),
      );
      return;
    }
    callback();
  }

  private refusal(chunk: Buffer): FileRefusedError {
    const at = firstInvalidUtf8Byte(chunk);
    let line = this.lines;
    for (let i = chunk.indexOf(NEWLINE); i >= 0 && i < at; i = chunk.indexOf(NEWLINE, i + 1)) line++;
    const byte = chunk[at] ?? 0;
    return new FileRefusedError(
      `the file is not UTF-8 text: a byte is not valid UTF-8; ${EXPORT_AS_UTF8}`,
      `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} on line ${line} (byte ${this.offset + at + 1} of the file)`,
    );
  }
}

const NEWLINE = 0x0a;
const EXPORT_AS_UTF8 = 'export the file as UTF-8 CSV';

/**
 * Where a chunk stops being UTF-8 (only called once the decoder has said it does). A sequence cut
 * off by the end of the chunk counts as valid: the next chunk would complete it.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return bytes.length;
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    // Overlong three- and four-byte forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1] ?? 0;
    if (
      (b === 0xe0 && second < 0xa0) ||
      (b === 0xed && second > 0x9f) ||
      (b === 0xf0 && second < 0x90) ||
      (b === 0xf4 && second > 0x8f)
    ) {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Exports compress about 5 to 10 times; far more than this is a decompression bomb, not data. */
export const MAX_GZIP_RATIO = 100;
/** Below this much decompressed text, any ratio is accepted (tiny and repetitive files). */
export const GZIP_RATIO_FREE_BYTES = 8 * 1024 * 1024;

/**
 * Refuses a .gz file that expands past MAX_GZIP_RATIO times the compressed bytes read so far: a
 * small file holding gigabytes of blank lines or zeros would otherwise keep the loader busy for
 * minutes while being no export at all.
 */
export class GzipRatioCheck extends Transform {
  private expanded = 0;
  constructor(
    private readonly fileName: string,
    private readonly compressedBytes: () => number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.expanded += chunk.length;
    const compressed = Math.max(1, this.compressedBytes());
    if (this.expanded > GZIP_RATIO_FREE_BYTES && this.expanded > MAX_GZIP_RATIO * compressed) {
      const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
      callback(
        new FileRefusedError(
          `the file expands to more than ${MAX_GZIP_RATIO} times its compressed size: that is not an export, ` +
            `refusing it as a possible decompression bomb`,
          `${this.fileName}: ${mb(this.expanded)} from the first ${mb(compressed)}`,
        ),
      );
      return;
    }
    callback(null, chunk);
  }
}

export function openFile(file: LoadFile): FileSource {
  const head = createReadStream(file.path, { highWaterMark: READ_CHUNK_BYTES });
  const streams: NodeJS.ReadWriteStream[] = [];
  if (file.spreadsheet) return { head, streams, bytesRead: () => head.bytesRead }; // a zip: xlsx-to-copy.ts
  if (file.gzip) {
    streams.push(createGunzip({ chunkSize: READ_CHUNK_BYTES }));
    streams.push(new GzipRatioCheck(file.name, () => head.bytesRead));
  }
  streams.push(new Utf8Check());
  return { head, streams, bytesRead: () => head.bytesRead };
}

/** Errors of the byte streams that mean "this file cannot be read", as refusals of the file. */
export function asFileRefusal(error: unknown): FileRefusedError | undefined {
  if (error instanceof FileRefusedError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('Z_') || code === 'ERR_ZLIB_INITIALIZATION_FAILED') {
    return new FileRefusedError('the file is named .gz but could not be decompressed', (error as Error).message);
  }
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EPERM' || code === 'EIO') {
    return new FileRefusedError(`the file cannot be read (${code})`);
  }
  return undefined;
}
