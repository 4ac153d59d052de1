// Turns the folders and files of a load into the list of files to apply, in the contract's order.

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { FILE_KINDS, type FileKind, fileKindOf, isGzipFileName, isSpreadsheetFileName } from '../contract';
import { LoadRefusedError } from './errors';

export interface LoadFile {
  path: string;
  /** Name recorded in etl_load_file and etl_reject: the base name, or the path if two share it. */
  name: string;
  kind: FileKind | null;
  gzip: boolean;
  /** A spreadsheet workbook (.xlsx), read by xlsx-to-copy.ts; otherwise CSV. */
  spreadsheet: boolean;
  size: number;
  /** Rows a mapping profile could not map, as JSON lines (set by loadFiles from mappedFiles). */
  mappingRejects?: string | null;
}

export interface DiscoveredFiles {
  files: LoadFile[];
  /** Files inside given folders that are not CSV files at all (left alone, with a warning). */
  ignored: string[];
}

// In a folder, only files that look like exports (CSV, gzipped CSV, .xlsx) are taken: a README or an editor's backup
// next to them is not part of the load. A CSV with a name the contract does not know is taken,
// and refused as an unknown kind, so that a misnamed export is reported rather than skipped.
const EXPORT_NAME = /\.(csv(\.gz)?|xlsx)$/i;

function kindOrder(kind: FileKind | null): number {
  return kind === null ? FILE_KINDS.length : FILE_KINDS.indexOf(kind);
}

async function filesOf(given: string): Promise<{ files: string[]; ignored: string[] }> {
  let info;
  try {
    info = await stat(given);
  } catch {
    throw new LoadRefusedError('a file or folder given does not exist', given);
  }
  if (!info.isDirectory()) return { files: [given], ignored: [] };
  const entries = await readdir(given, { withFileTypes: true });
  const files: string[] = [];
  const ignored: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    if (EXPORT_NAME.test(entry.name)) files.push(path.join(given, entry.name));
    else ignored.push(path.join(given, entry.name));
  }
  if (files.length === 0) throw new LoadRefusedError('a folder given holds no .csv, .csv.gz or .xlsx files', given);
  return { files, ignored };
}

export async function discoverFiles(paths: readonly string[]): Promise<DiscoveredFiles> {
  if (paths.length === 0) throw new LoadRefusedError('no files or folders were given');
  const seen = new Set<string>();
  const found: string[] = [];
  const ignored: string[] = [];
  for (const given of paths) {
    const listed = await filesOf(given);
    ignored.push(...listed.ignored);
    for (const file of listed.files) {
      const resolved = path.resolve(file);
      if (seen.has(resolved)) continue; // a folder and one of its files both given
      seen.add(resolved);
      found.push(file);
    }
  }

  const files: LoadFile[] = [];
  for (const file of found) {
    const size = (await stat(file)).size;
    files.push({
      path: file,
      name: path.basename(file),
      kind: fileKindOf(file),
      gzip: isGzipFileName(file),
      spreadsheet: isSpreadsheetFileName(file),
      size,
    });
  }

  // Two files of one kind (sites.csv and Sites.csv.gz, or two folders) leave it open which one is
  // meant: refuse the load rather than apply both in an order the user did not choose.
  const byKind = new Map<FileKind, LoadFile[]>();
  for (const file of files) {
    if (file.kind === null) continue;
    byKind.set(file.kind, [...(byKind.get(file.kind) ?? []), file]);
  }
  const clashes = [...byKind.entries()].filter(([, same]) => same.length > 1);
  if (clashes.length > 0) {
    const kinds = clashes.map(([kind]) => kind).join(', ');
    const listed = clashes.map(([kind, same]) => `${kind}: ${same.map((f) => f.path).join(', ')}`).join('; ');
    throw new LoadRefusedError(`more than one file of the same kind (${kinds}); give one file per kind`, listed);
  }

  // Unknown files may share a base name (two folders each with notes.csv): keep names unique.
  const nameCount = new Map<string, number>();
  for (const file of files) nameCount.set(file.name, (nameCount.get(file.name) ?? 0) + 1);
  for (const file of files) if ((nameCount.get(file.name) ?? 0) > 1) file.name = file.path;

  files.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.name.localeCompare(b.name));
  return { files, ignored };
}
