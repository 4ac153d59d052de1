// The files of a FHIR bulk export and their lines, read as a stream: one line at a time is in
// memory, whatever the size of the file (.ndjson.gz files are decompressed on the way).

import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { LoadRefusedError } from '../load/errors';

const NDJSON_NAME = /\.ndjson(\.gz)?$/i;
export const MANIFEST_NAME = 'manifest.json';

export function isNdjsonFileName(name: string): boolean {
  return NDJSON_NAME.test(name);
}

/** Whether the paths given are a FHIR bulk export: NDJSON files, or folders holding them or a manifest. */
export async function isFhirExport(paths: readonly string[]): Promise<boolean> {
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (info === null) continue;
    if (!info.isDirectory()) {
      if (isNdjsonFileName(given) || path.basename(given) === MANIFEST_NAME) return true;
      continue;
    }
    const names = await readdir(given);
    if (names.some((name) => isNdjsonFileName(name) || name === MANIFEST_NAME)) return true;
  }
  return false;
}

export interface NdjsonFiles {
  /** The NDJSON files in name order (the order they are read in). */
  files: { path: string; name: string }[];
  /** Files that are not NDJSON, left alone. */
  ignored: string[];
  warnings: string[];
}

/** Files named by a bulk manifest (`output[].url`, by base name) that are not in the folder. */
async function missingFromManifest(folder: string, present: ReadonlySet<string>): Promise<string[]> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(path.join(folder, MANIFEST_NAME), 'utf8'));
  } catch {
    return [];
  }
  const output = (manifest as { output?: unknown }).output;
  if (!Array.isArray(output)) return [];
  return output
    .map((entry) => (typeof entry?.url === 'string' ? path.basename(new URL(entry.url, 'file:///').pathname) : ''))
    .filter((name) => name !== '' && !present.has(name));
}

export async function listNdjsonFiles(paths: readonly string[]): Promise<NdjsonFiles> {
  if (paths.length === 0) throw new LoadRefusedError('no files or folders were given');
  const files: { path: string; name: string }[] = [];
  const ignored: string[] = [];
  const warnings: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (info === null) throw new LoadRefusedError('a file or folder given does not exist', given);
    if (!info.isDirectory()) {
      if (isNdjsonFileName(given)) files.push({ path: given, name: path.basename(given) });
      else if (path.basename(given) !== MANIFEST_NAME) ignored.push(given);
      continue;
    }
    const entries = await readdir(given, { withFileTypes: true });
    const present = new Set<string>();
    for (const entry of entries) {
      if (!entry.isFile() || entry.name.startsWith('.') || entry.name === MANIFEST_NAME) continue;
      if (isNdjsonFileName(entry.name)) {
        files.push({ path: path.join(given, entry.name), name: entry.name });
        present.add(entry.name);
      } else ignored.push(path.join(given, entry.name));
    }
    const missing = await missingFromManifest(given, present);
    if (missing.length > 0)
      warnings.push(`the export's manifest lists ${missing.length} files that are not there: ${missing.join(', ')}`);
  }
  if (files.length === 0) throw new LoadRefusedError('the FHIR export holds no .ndjson or .ndjson.gz files');
  // Two files may share a name in two folders: the path then tells them apart in reports.
  const count = new Map<string, number>();
  for (const file of files) count.set(file.name, (count.get(file.name) ?? 0) + 1);
  for (const file of files) if ((count.get(file.name) ?? 0) > 1) file.name = file.path;
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { files, ignored, warnings };
}

/** The lines of one NDJSON file with their 1-based numbers (blank lines are counted, not given). */
export async function* ndjsonLines(file: string): AsyncGenerator<{ line: number; text: string }> {
  const bytes = createReadStream(file);
  const input = /\.gz$/i.test(file) ? bytes.pipe(createGunzip()) : bytes;
  bytes.on('error', (error) => input.destroy(error));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() !== '') yield { line, text };
  }
}
