// An export that arrives as one .zip (an inbox drop, a zip uploaded on the Data page or given to
// `npm run etl -- load`): its files are unpacked, streamed, into a folder beside the zip, flat (exports often zip a folder; the
// files' names, not their folders, say what they are). Refused whole, before anything is written,
// when an entry's name is not a plain file name, two entries share a name, or it expands like a
// decompression bomb.

import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Open } from 'unzipper';
import { LoadRefusedError } from './errors';
import { GZIP_RATIO_FREE_BYTES, MAX_GZIP_RATIO } from './read-file';

const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
/** Entries a zip tool adds that are not part of any export. */
const TOOL_ENTRY = /(^|\/)(__MACOSX\/|\.)/;

export function isZipFileName(name: string): boolean {
  return /\.zip$/i.test(name);
}

/** Unpacks `zip` into `dir` (which must exist); returns the files written. */
export async function unpackZipExport(zip: string, dir: string): Promise<string[]> {
  let entries;
  try {
    entries = (await Open.file(zip)).files;
  } catch (error) {
    throw new LoadRefusedError(
      'the .zip file could not be read as a zip archive',
      error instanceof Error ? error.message : String(error),
    );
  }
  const files = entries.filter((e) => e.type === 'File' && !TOOL_ENTRY.test(e.path));
  const names = new Set<string>();
  let expanded = 0;
  let compressed = 0;
  for (const entry of files) {
    const name = path.posix.basename(entry.path.replace(/\\/g, '/'));
    if (!PLAIN_NAME.test(name))
      throw new LoadRefusedError(
        'a file in the .zip has a name that is not a plain file name such as attendance.csv',
        entry.path,
      );
    if (names.has(name)) throw new LoadRefusedError('two files in the .zip have the same name', name);
    names.add(name);
    expanded += entry.uncompressedSize;
    compressed += entry.compressedSize;
  }
  if (expanded > GZIP_RATIO_FREE_BYTES && expanded > MAX_GZIP_RATIO * Math.max(1, compressed))
    throw new LoadRefusedError(
      `the .zip expands to more than ${MAX_GZIP_RATIO} times its size: refused as a possible decompression bomb`,
    );
  if (files.length === 0) throw new LoadRefusedError('the .zip holds no files');
  const written: string[] = [];
  for (const entry of files) {
    const target = path.join(dir, path.posix.basename(entry.path.replace(/\\/g, '/')));
    await pipeline(entry.stream(), createWriteStream(target, { flags: 'wx' }));
    written.push(target);
  }
  return written;
}

/**
 * The paths of a load with every .zip replaced by a hidden folder of its files beside it (so a
 * private upload folder still holds them); `cleanup` removes those folders.
 */
export async function unpackZips(paths: readonly string[]): Promise<{ paths: string[]; cleanup: () => Promise<void> }> {
  const made: string[] = [];
  const cleanup = async (): Promise<void> => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  };
  const result: string[] = [];
  try {
    for (const given of paths) {
      if (!isZipFileName(given)) {
        result.push(given);
        continue;
      }
      const dir = await mkdtemp(path.join(path.dirname(given), `.${path.basename(given)}-`));
      made.push(dir);
      await unpackZipExport(given, dir);
      result.push(dir);
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { paths: result, cleanup };
}
