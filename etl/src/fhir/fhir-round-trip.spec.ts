// The goal of docs/FHIR_MAPPING.md: a program's data loaded from a FHIR bulk export gives the same
// stored rows, and so the same derived tables and figures, as the same data from CSV. The demo
// generator's program is loaded as CSV into one database and, written as FHIR by an independent
// helper (testing/demo-to-fhir.ts), into another; every data and derived table must be equal.

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@iop/db';
import { generateDemoData, type DemoSummary } from '../demo/generate';
import { loadFiles } from '../load/load-files';
import { withClient } from '../load/testing/database';
import type { LoadSummary } from '../load/types';
import { writeFhirExport } from './testing/demo-to-fhir';

jest.setTimeout(240_000);

let csvDb: TestDatabase;
let fhirDb: TestDatabase;
let dir: string;
let demo: DemoSummary;
let fromCsv: LoadSummary;
let fromFhir: LoadSummary;

/** Tables of the loader's own bookkeeping, which name files and loads and so differ by design. */
const BOOKKEEPING = /^public\.(etl_|migrations$|typeorm_)/;

/** Every table but bookkeeping, each as sorted JSON rows, with timestamps of the load itself dropped. */
async function everyTable(url: string): Promise<Record<string, string[]>> {
  return withClient(url, async (client) => {
    const tables = await client.query<{ table_name: string }>(
      `SELECT format('%s.%s', table_schema, table_name) AS table_name FROM information_schema.tables
       WHERE table_schema IN ('public', 'derived') AND table_type = 'BASE TABLE'
       ORDER BY table_name`,
    );
    const contents: Record<string, string[]> = {};
    for (const { table_name: table } of tables.rows) {
      if (BOOKKEEPING.test(table)) continue;
      const timestamps = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
          WHERE format('%s.%s', table_schema, table_name) = $1 AND data_type LIKE 'timestamp%'`,
        [table],
      );
      const dropped = timestamps.rows.map((r) => `- '${r.column_name}'`).join(' ');
      const result = await client.query<{ row: string }>(
        `SELECT (to_jsonb(t) ${dropped})::text AS row FROM ${table} t`,
      );
      contents[table] = result.rows.map((r) => r.row).sort();
    }
    return contents;
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iop-fhir-round-trip-'));
  const csvDir = path.join(dir, 'csv');
  const fhirDir = path.join(dir, 'fhir');
  await mkdir(fhirDir);
  demo = await generateDemoData({ outDir: csvDir, participants: 300, seed: 5 });
  await writeFhirExport(csvDir, fhirDir);
  [csvDb, fhirDb] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  fromCsv = await loadFiles(csvDb.url, [csvDir]);
  fromFhir = await loadFiles(fhirDb.url, [fhirDir], { fhir: { timeZone: 'UTC' } });
});

afterAll(async () => {
  await csvDb?.drop();
  await fhirDb?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the demo program through FHIR', () => {
  it('loads whole, without a reject or a warning', () => {
    expect(fromCsv.status).toBe('succeeded');
    expect(fromFhir.warnings).toEqual([]);
    expect(fromFhir.status).toBe('succeeded');
    expect(fromFhir.files.map((f) => [f.file, f.read, f.inserted, f.rejected])).toEqual(
      fromCsv.files.map((f) => [f.file.replace(/\.csv$/, ' from FHIR'), f.read, f.inserted, 0]),
    );
    expect(fromFhir.totals.inserted).toBe(Object.values(demo.rows).reduce((a, b) => a + b, 0));
  });

  it('stores every data and derived table exactly as the CSV load does', async () => {
    const [csv, fhir] = await Promise.all([everyTable(csvDb.url), everyTable(fhirDb.url)]);
    expect(Object.keys(fhir)).toEqual(Object.keys(csv));
    // The comparison must have something to compare: the data and derived tables are filled.
    for (const table of [
      'public.attendance',
      'public.enrollment',
      'public.sobriety_checkin',
      'derived.episode_cell',
      'derived.group_day_total',
    ])
      expect(csv[table]!.length).toBeGreaterThan(0);
    for (const table of Object.keys(csv)) expect({ table, rows: fhir[table] }).toEqual({ table, rows: csv[table] });
  });
});
