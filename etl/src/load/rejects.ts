// Reading rejects back out of etl_reject: a few per file for the summary (participant IDs masked,
// since summaries are logged), and all of them, streamed, into the rejects CSV for whoever fixes
// the export (who needs the values as written, so that file is not masked).

import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { maskRejectValue } from './mask';
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
  }));
}

export const REJECTS_HEADER = 'file,line,column,value,reason';

/** Writes every reject of the load to `<dir>/load-<id>-rejects.csv`, file by file in load order. */
export async function writeRejectsFile(
  client: PoolClient,
  loadId: number,
  fileNames: readonly string[],
  dir: string,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.resolve(dir, `load-${loadId}-rejects.csv`);
  const out = createWriteStream(file);
  out.write(`${REJECTS_HEADER}\n`);
  for (const name of fileNames) {
    const copy = client.query(
      copyTo(
        `COPY (SELECT file_name, line, column_name, value, reason FROM etl_reject
               WHERE load_id = ${Number(loadId)} AND file_name = ${client.escapeLiteral(name)}
               ORDER BY line, column_name) TO STDOUT (FORMAT csv)`,
      ),
    );
    await pipeline(copy, out, { end: false });
  }
  out.end();
  await finished(out);
  return file;
}
