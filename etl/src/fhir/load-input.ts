// A FHIR export as the input of a normal load (../load/prepared-input.ts): converted into contract
// CSVs in a private temporary folder, loaded by the loader like any CSV, and every reject put back
// onto the NDJSON file, line and FHIR element it came from. The file summaries keep the contract
// kind ("attendance from FHIR") so the load history reads like any other.

import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { FileKind } from '../contract';
import type { LoadFile } from '../load/discover-files';
import type { PreparedInput } from '../load/types';
import type { FileSummary, RowReject } from '../load/types';
import { BASELINE_COLUMNS, pathOfColumn } from './column-paths';
import { convertFhirExport, type ConvertedExport, type FhirOptions } from './convert';

/** The name a made file goes by in the load's records. */
export function fhirFileName(kind: FileKind): string {
  return `${kind} from FHIR`;
}

const SAMPLE_SIZE = 3;
const UNREADABLE_FILE_NAME = 'FHIR lines that are no resource';

/** COPYs a spool file into a table, each line with `prefix` in front (the load id, say). */
async function copyInto(client: PoolClient, sql: string, file: string, prefix = ''): Promise<void> {
  let rest = '';
  const prefixed = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      done(null, lines.map((line) => `${prefix}${line}\n`).join(''));
    },
    flush(done) {
      done(null, rest === '' ? '' : `${prefix}${rest}\n`);
    },
  });
  await pipeline(createReadStream(file), prefixed, client.query(copyFrom(sql)));
}

/** Moves the rejects the loader stored for a made file onto the NDJSON lines and FHIR paths. */
async function relocateRejects(
  client: PoolClient,
  loadId: number,
  fileName: string,
  kind: FileKind,
  mapFile: string,
): Promise<RowReject[]> {
  const columns = await client.query<{ column_name: string | null }>(
    'SELECT DISTINCT column_name FROM etl_reject WHERE load_id = $1 AND file_name = $2',
    [loadId, fileName],
  );
  if (columns.rows.length === 0) return [];
  await client.query(
    `CREATE TEMPORARY TABLE IF NOT EXISTS fhir_source_map
       (csv_line bigint PRIMARY KEY, file text, line bigint, baseline_file text, baseline_line bigint) ON COMMIT DROP`,
  );
  await client.query('TRUNCATE fhir_source_map');
  await copyInto(client, 'COPY fhir_source_map FROM STDIN', mapFile);
  const values: unknown[] = [loadId, fileName];
  const rows = columns.rows.map(({ column_name: column }) => {
    const fromBaseline = column !== null && column.split(',').every((c) => BASELINE_COLUMNS.has(c.trim()));
    values.push(column, pathOfColumn(kind, column), fromBaseline);
    const at = values.length;
    return `($${at - 2}::text, $${at - 1}::text, $${at}::boolean)`;
  });
  const moved = await client.query<{ file_name: string; line: string; column_name: string; reason: string }>(
    `WITH moved AS (UPDATE etl_reject r
        SET file_name = CASE WHEN c.from_baseline THEN m.baseline_file ELSE m.file END,
            line = CASE WHEN c.from_baseline THEN m.baseline_line ELSE m.line END,
            column_name = c.path
       FROM fhir_source_map m, (VALUES ${rows.join(', ')}) AS c(column_name, path, from_baseline)
      WHERE r.load_id = $1 AND r.file_name = $2 AND m.csv_line = r.line
        AND r.column_name IS NOT DISTINCT FROM c.column_name
     RETURNING r.file_name, r.line, r.column_name, r.reason)
     SELECT * FROM moved ORDER BY file_name, line, column_name LIMIT ${SAMPLE_SIZE}`,
    values,
  );
  // Samples are logged: no value (a FHIR path does not say whether it holds a participant id).
  return moved.rows.map((r) => ({
    file: r.file_name,
    line: Number(r.line),
    column: r.column_name,
    value: null,
    reason: r.reason,
    detail: null,
  }));
}

function unreadableSummary(converted: ConvertedExport): FileSummary[] {
  const unreadable = converted.rejects.get(null);
  if (unreadable === undefined) return [];
  return [
    {
      file: UNREADABLE_FILE_NAME,
      path: UNREADABLE_FILE_NAME,
      kind: null,
      status: 'loaded',
      read: unreadable.rows,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: unreadable.rows,
      durationMs: 0,
      bulk: false,
      phaseMs: { copy: 0, check: 0, upsert: 0 },
      warnings: [],
      sampleRejects: unreadable.samples,
    },
  ];
}

export async function prepareFhirInput(paths: readonly string[], options: FhirOptions): Promise<PreparedInput> {
  const dir = await mkdtemp(path.join(tmpdir(), 'iop-fhir-'));
  let converted: ConvertedExport;
  try {
    converted = await convertFhirExport(paths, dir, options);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const files: LoadFile[] = [];
  for (const file of converted.files) {
    const { size } = await stat(file.csv);
    files.push({
      path: file.csv,
      name: fhirFileName(file.kind),
      kind: file.kind,
      gzip: false,
      spreadsheet: false,
      size,
    });
  }
  const byName = new Map(converted.files.map((file) => [fhirFileName(file.kind), file]));
  return {
    files,
    warnings: [
      ...converted.ignored.map((ignored) => `ignored ${ignored}: not a .ndjson or .ndjson.gz file`),
      ...converted.warnings,
    ],
    async recordPrepared(client, loadId) {
      await copyInto(
        client,
        'COPY etl_reject (load_id, file_name, line, column_name, value, reason, detail) FROM STDIN',
        converted.rejectsFile,
        `${loadId}\t`,
      );
    },
    async afterFile(client, loadId, summary) {
      const made = byName.get(summary.file);
      if (made === undefined || summary.kind === null) return summary;
      const moved =
        summary.status === 'loaded' && summary.rejected > 0
          ? await relocateRejects(client, loadId, summary.file, made.kind, made.map)
          : [];
      const prepared = converted.rejects.get(made.kind);
      const samples = [...(prepared?.samples ?? []), ...moved];
      return {
        ...summary,
        // The made CSV is gone once the load ends: the export given is where the rows came from.
        path: paths.join(' '),
        read: summary.read + (prepared?.rows ?? 0),
        rejected: summary.rejected + (prepared?.rows ?? 0),
        sampleRejects: samples.slice(0, SAMPLE_SIZE),
      };
    },
    extraSummaries: () => unreadableSummary(converted),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
