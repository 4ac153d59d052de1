// What a profile would give, before anything is written: the first rows of each contract file and
// the rejects of the mapping and of the contract's row rules (the database checks, such as keys
// that must exist, run only in a real load). The files are mapped into a private folder that is
// removed afterwards.

import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { type FileKind, checkHeader, createRowValidator, fileKindOf } from '../contract';
import { applyProfile } from './apply-profile';
import type { MappingProfile } from './profile';
import { readSource } from './read-source';

export interface PreviewReject {
  file: string;
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  detail: string | null;
}

export interface PreviewTable {
  /** The name the load would record (source name → contract file). */
  file: string;
  kind: FileKind;
  columns: string[];
  /** The first rows as they would reach the loader. */
  rows: string[][];
  rowCount: number;
  rejectedRows: number;
}

export interface ProfilePreview {
  tables: PreviewTable[];
  rejects: PreviewReject[];
  warnings: string[];
}

async function readMappingRejects(
  file: string,
  name: string,
  into: PreviewReject[],
  limit: number,
): Promise<Set<number>> {
  const lines = new Set<number>();
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (text === '') continue;
    const reject = JSON.parse(text) as Omit<PreviewReject, 'file'>;
    lines.add(reject.line);
    if (into.length < limit) into.push({ file: name, ...reject });
  }
  return lines;
}

export async function previewProfile(
  profile: MappingProfile,
  sources: readonly string[],
  options: { rows?: number; rejects?: number; workDir?: string } = {},
): Promise<ProfilePreview> {
  const rowLimit = options.rows ?? 10;
  const rejectLimit = options.rejects ?? 100;
  const outDir = await mkdtemp(path.join(options.workDir ?? tmpdir(), 'iop-preview-'));
  try {
    const applied = await applyProfile(profile, sources, outDir);
    const preview: ProfilePreview = { tables: [], rejects: [], warnings: [...applied.warnings] };
    for (const file of applied.paths) {
      const mapped = applied.mapped.get(path.resolve(file));
      const kind = fileKindOf(file);
      if (kind === null) continue;
      const name = mapped?.name ?? path.basename(file);
      const rejectedLines = mapped?.rejectsFile
        ? await readMappingRejects(mapped.rejectsFile, name, preview.rejects, rejectLimit)
        : new Set<number>();
      const table: PreviewTable = {
        file: name,
        kind,
        columns: [],
        rows: [],
        rowCount: 0,
        rejectedRows: rejectedLines.size,
      };
      let validate: ReturnType<typeof createRowValidator> | null = null;
      for await (const { line, record } of readSource(file)) {
        if (validate === null) {
          const header = checkHeader(kind, record);
          table.columns = record;
          if (!header.ok) {
            preview.warnings.push(`${name} would be refused: ${header.error}`);
            break;
          }
          validate = createRowValidator(header);
          continue;
        }
        table.rowCount++;
        if (table.rows.length < rowLimit) table.rows.push(record);
        const result = validate(record);
        if (!result.ok) {
          table.rejectedRows++;
          for (const error of result.errors)
            if (preview.rejects.length < rejectLimit)
              preview.rejects.push({
                file: name,
                line,
                column: error.column || null,
                value: error.value,
                reason: error.reason,
                detail: error.detail,
              });
        }
      }
      table.rowCount += rejectedLines.size;
      preview.tables.push(table);
    }
    return preview;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
