// Reading rejects back out of etl_reject: a few per file for the summary (participant IDs masked,
// and no detail, since summaries are logged and a detail may name participants), and all of them,
// streamed, into the rejects CSV for whoever fixes the export (who needs the values as written and
// the details, so that file is not masked; it is made safe to open in a spreadsheet instead).

import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { maskRejectValue } from './mask';
import { neutraliseFormula } from './spreadsheet-safe';
import type { RowReject } from './types';

const SAMPLE_SIZE = 3;

export async function sampleRejects(client: PoolClient, loadId: number, fileName: string): Promise<RowReject[]> {
  const result = await client.query<{ line: string; column_name: string | null; value: string | null; reason: string }>(
    `SELECT line, column_name, value, reason FROM etl_reject
     WHERE load_id = $1 AND file_name = $2 ORDER BY line, column_name LIMIT ${SAMPLE_SIZE}`,
    [loadId, fileName],
  );
  return result.rows.map((r) => ({
    file: fileName,
    line: Number(r.line),
    column: r.column_name,
    value: maskRejectValue(r.column_name, r.value),
    reason: r.reason,
    detail: null,
  }));
}

export const REJECTS_COLUMNS = ['file', 'line', 'column', 'value', 'reason', 'detail'] as const;

/** A CSV field as Postgres writes one (NULL unquoted and empty, '' quoted), made formula-safe. */
function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = neutraliseFormula(value);
  return safe === '' || /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Turns parsed records back into CSV lines, every field through csvField. */
function spreadsheetSafeLines(): Transform {
  return new Transform({
    writableObjectMode: true,
    transform(record: (string | null)[], _encoding, done) {
      done(null, `${record.map(csvField).join(',')}\n`);
    },
  });
}

// A field Postgres left unquoted and empty is NULL (a row at fault as a whole has no value).
const keepNulls = (field: string, context: { quoting: boolean }): string | null =>
  field === '' && !context.quoting ? null : field;

/** Writes every reject of the load to `<dir>/load-<id>-rejects.csv`, file by file in load order. */
export async function writeRejectsFile(
  client: PoolClient,
  loadId: number,
  fileNames: readonly string[],
  dir: string,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.resolve(dir, `load-${loadId}-rejects.csv`);
  const order = `ARRAY[${fileNames.map((name) => client.escapeLiteral(name)).join(', ')}]::text[]`;
  // Postgres writes the CSV; each record is read back only to neutralise formulas, in a stream.
  const copy = client.query(
    copyTo(
      `COPY (SELECT file_name, line, column_name, value, reason, detail FROM etl_reject
             WHERE load_id = ${Number(loadId)}
             ORDER BY array_position(${order}, file_name), line, column_name) TO STDOUT (FORMAT csv)`,
    ),
  );
  const out = createWriteStream(file);
  out.write(`${REJECTS_COLUMNS.join(',')}\n`);
  await pipeline(copy, parse({ cast: keepNulls }), spreadsheetSafeLines(), out);
  return file;
}
