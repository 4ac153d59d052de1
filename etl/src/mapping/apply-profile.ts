// Applying a profile: the source files stream through their file mappings into contract CSVs in a
// private folder, which the ordinary loader then loads (load-with-profile.ts), so every contract
// rule, reject and message applies unchanged. Each contract file keeps its source's line numbers
// (rows that are not passed on leave a blank line, which the loader counts but does not read), so
// the loader's rejects point at the line of the source file, recorded under the source's name.
// Rows the mapping cannot map go to a JSON-lines rejects file beside the contract file.

import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileKindOf, type FileKind } from '../contract';
import { csvLine } from '../demo/csv-writer';
import { lineBreaksIn } from '../load/csv-to-copy';
import { MappingHeaderError, type MappingProblem, createRowMapper } from './map-row';
import { findFileMapping } from './match';
import type { FileMapping, MappingProfile } from './profile';
import { SourceReadError, readSource } from './read-source';
import { DERIVED_COLUMNS, DERIVED_KINDS, deriveReportRows } from './report';
import { isFileKind } from './targets';

export interface MappedFile {
  /** Name the load records the file under: the source's name and what it became. */
  name: string;
  /** JSON lines of mapping rejects ({line, column, value, reason, detail}), or null when none. */
  rejectsFile: string | null;
}

export interface AppliedProfile {
  /** Files to load: the contract files written, and source files the profile left as they are. */
  paths: string[];
  /** Per contract file written (resolved path): its name and mapping rejects. */
  mapped: Map<string, MappedFile>;
  /** Load-wide remarks: source files the profile has no mapping for, or could not read. */
  warnings: string[];
  /** The particulars behind the warnings (header cells, a library's words), for directors. */
  details: string[];
}

/** A contract file being written, line for line with its source. */
class ContractFileWriter {
  private line = 1;
  private readonly stream: WriteStream;
  private rejectStream: WriteStream | null = null;
  rejectsPath: string;

  constructor(
    readonly path: string,
    readonly columns: readonly string[],
  ) {
    this.stream = createWriteStream(path);
    this.stream.write(`${csvLine(columns)}\n`);
    this.rejectsPath = `${path}.rejects.jsonl`;
  }

  /** Writes the row (or, with null, nothing) at the source's line `at`. */
  async put(at: number, values: Readonly<Record<string, string>> | null): Promise<void> {
    let text = '\n'.repeat(Math.max(0, at - 1 - this.line));
    this.line = Math.max(this.line, at - 1);
    if (values !== null) {
      const fields = this.columns.map((c) => values[c] ?? '');
      text += `${csvLine(fields)}\n`;
      // A quoted field may hold line breaks: the loader counts them as lines, and so does this.
      this.line += 1 + lineBreaksIn(fields);
    }
    if (text !== '' && !this.stream.write(text)) await once(this.stream, 'drain');
  }

  async reject(line: number, problem: MappingProblem): Promise<void> {
    this.rejectStream ??= createWriteStream(this.rejectsPath);
    if (!this.rejectStream.write(`${JSON.stringify({ line, ...problem })}\n`)) await once(this.rejectStream, 'drain');
  }

  get hasRejects(): boolean {
    return this.rejectStream !== null;
  }

  async close(): Promise<void> {
    for (const stream of [this.stream, this.rejectStream]) {
      if (stream === null) continue;
      stream.end();
      await once(stream, 'close');
    }
  }
}

function displayName(source: string, kind: FileKind): string {
  return `${path.basename(source)} → ${kind}`;
}

async function applyFileMapping(
  mapping: FileMapping,
  header: string[],
  records: AsyncGenerator<{ line: number; record: string[] }>,
  outDir: string,
  taken: Set<FileKind>,
): Promise<ContractFileWriter[]> {
  const mapper = createRowMapper(mapping, header);
  const kinds: FileKind[] = isFileKind(mapping.target) ? [mapping.target] : DERIVED_KINDS;
  const writers = new Map<FileKind, ContractFileWriter>();
  for (const kind of kinds) {
    // A report names its sites only when it gives site names instead of ids.
    if (kind === 'sites' && !isFileKind(mapping.target) && mapping.columns.site_name === undefined) continue;
    if (taken.has(kind)) throw new SourceReadError(`another file of this load is mapped to ${kind} already`);
    const columns = isFileKind(mapping.target) ? mapper.columns : DERIVED_COLUMNS[kind as keyof typeof DERIVED_COLUMNS];
    writers.set(kind, new ContractFileWriter(path.join(outDir, `${kind}.csv`), columns));
  }
  for (const kind of writers.keys()) taken.add(kind);
  // Mapping rejects of a report are the attendance file's: that is its row for every source line.
  const rejectsGoTo = writers.get(isFileKind(mapping.target) ? mapping.target : 'attendance')!;
  const seen = new Set<string>();
  try {
    for await (const { line, record } of records) {
      const mapped = mapper.map(record);
      if (!mapped.ok) {
        for (const problem of mapped.problems) await rejectsGoTo.reject(line, problem);
        for (const writer of writers.values()) await writer.put(line, null);
        continue;
      }
      if (isFileKind(mapping.target)) {
        await rejectsGoTo.put(line, mapped.values);
        continue;
      }
      const rows = deriveReportRows(mapped.values, seen);
      for (const [kind, writer] of writers) await writer.put(line, rows.find((r) => r.kind === kind)?.values ?? null);
    }
  } finally {
    for (const writer of writers.values()) await writer.close();
  }
  return [...writers.values()];
}

/**
 * Maps the source files by the profile into contract CSVs in `outDir` (which must exist and be
 * private to this load). A source the profile does not map is passed on as it is when its name is
 * a contract file's, and otherwise left out with a warning.
 */
export async function applyProfile(
  profile: MappingProfile,
  sources: readonly string[],
  outDir: string,
): Promise<AppliedProfile> {
  const result: AppliedProfile = { paths: [], mapped: new Map(), warnings: [], details: [] };
  const taken = new Set<FileKind>();
  for (const source of sources) {
    const name = path.basename(source);
    const sheets = [...new Set(profile.files.map((f) => f.match.sheet))];
    let applied = false;
    try {
      for (const sheet of sheets) {
        const records = readSource(source, sheet);
        const first = await records.next();
        if (first.done) throw new SourceReadError('the file is empty');
        const header = first.value.record;
        const found = findFileMapping(profile, name, header);
        if (found === null || found.mapping.match.sheet !== sheet) {
          await records.return(undefined);
          continue;
        }
        const writers = await applyFileMapping(found.mapping, header, records, outDir, taken);
        for (const writer of writers) {
          const kind = path.basename(writer.path, '.csv') as FileKind;
          result.paths.push(writer.path);
          result.mapped.set(path.resolve(writer.path), {
            name: displayName(source, kind),
            rejectsFile: writer.hasRejects ? writer.rejectsPath : null,
          });
        }
        applied = true;
        break;
      }
      if (!applied) {
        if (fileKindOf(name) !== null) result.paths.push(source);
        else
          result.warnings.push(
            `${name} was not loaded: the mapping profile "${profile.name}" has no mapping for its columns`,
          );
      }
    } catch (error) {
      if (!(error instanceof SourceReadError || error instanceof MappingHeaderError)) throw error;
      result.warnings.push(`${name} was not loaded: ${error.message}`);
    }
  }
  return result;
}
