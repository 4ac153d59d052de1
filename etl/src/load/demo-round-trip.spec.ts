// A realistic load: the demo generator's eight files (attendance gzip-compressed) go in whole, come
// back out of the tables line for line, and a second load finds every row unchanged.

import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import { createTestDatabase, type TestDatabase } from '@iop/db';
import { FILE_KINDS } from '../contract';
import { generateDemoData, type DemoSummary } from '../demo/generate';
import { BULK_MIN_ROWS } from './bulk-mode';
import { loadFiles } from './load-files';
import { tableOf } from './tables';
import { tableContents, withClient } from './testing/database';
import type { LoadSummary } from './types';

jest.setTimeout(120_000);

let db: TestDatabase;
let dir: string;
let demo: DemoSummary;
let first: LoadSummary;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iop-demo-load-'));
  demo = await generateDemoData({ outDir: dir, participants: 1500, seed: 3 });
  const attendance = path.join(dir, 'attendance.csv');
  await pipeline(createReadStream(attendance), createGzip(), createWriteStream(`${attendance}.gz`));
  await rm(attendance);
  db = await createTestDatabase();
  first = await loadFiles(db.url, [dir]);
});

afterAll(async () => {
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A table as CSV lines in the file's own column order, booleans spelled as the generator does. */
async function exported(kind: (typeof FILE_KINDS)[number], header: string[]): Promise<string[]> {
  const spec = tableOf(kind);
  const columns = header.map((c) => `${c}::text`).join(', ');
  return withClient(db.url, async (client) => {
    const result = await client.query<(string | null)[]>({
      text: `SELECT ${columns} FROM ${spec.table}`,
      rowMode: 'array',
    });
    return result.rows.map((row) => row.map((v) => csvField(v ?? '')).join(','));
  });
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Data lines of a generated file (records never span lines in the demo data). */
async function inputLines(kind: string): Promise<{ header: string[]; lines: string[] }> {
  const file = kind === 'attendance' ? path.join(dir, 'attendance.csv.gz') : path.join(dir, `${kind}.csv`);
  const bytes = await readFile(file);
  const text = (kind === 'attendance' ? gunzipSync(bytes) : bytes).toString('utf8');
  const [header, ...lines] = text.split('\n').filter((l) => l !== '');
  return { header: header!.split(','), lines };
}

/** The contract's defaults, as stored: an empty window_days is 7. */
function withDefaults(kind: string, header: string[], line: string): string {
  if (kind !== 'sobriety') return line;
  const fields = line.split(',');
  const at = header.indexOf('window_days');
  if (fields[at] === '') fields[at] = '7';
  return fields.join(',');
}

describe('the demo data set', () => {
  it('loads whole, every row inserted', () => {
    expect(first.status).toBe('succeeded');
    for (const file of first.files) {
      expect([file.file, file.read, file.inserted, file.rejected]).toEqual([
        file.file,
        demo.rows[file.kind as keyof DemoSummary['rows']],
        demo.rows[file.kind as keyof DemoSummary['rows']],
        0,
      ]);
    }
  });

  it('went into its empty tables in bulk mode by itself where a file was large enough', () => {
    const large = first.files.filter((f) => f.read >= BULK_MIN_ROWS);
    expect(large.length).toBeGreaterThan(0);
    expect(first.files.filter((f) => f.bulk).map((f) => f.kind)).toEqual(large.map((f) => f.kind));
  });

  it.each(FILE_KINDS.map((k) => [k]))('comes back out of the %s table line for line', async (kind) => {
    const input = await inputLines(kind);
    const stored = await exported(kind, input.header);
    expect(stored.sort()).toEqual(input.lines.map((line) => withDefaults(kind, input.header, line)).sort());
  });

  it('is unchanged by a second load, which locks nothing as there is nothing new to insert', async () => {
    const again = await loadFiles(db.url, [dir], { bulk: 'always' });
    expect(again.status).toBe('succeeded');
    expect(again.files.filter((f) => f.bulk)).toEqual([]);
    expect(again.totals).toEqual({
      read: first.totals.read,
      inserted: 0,
      updated: 0,
      unchanged: first.totals.read,
      rejected: 0,
    });
  });
});

describe('the demo data set in bulk mode', () => {
  let bulkDb: TestDatabase;
  afterAll(async () => {
    await bulkDb?.drop();
  });

  it('stores exactly the same rows as the row-by-row load, with every constraint back in place', async () => {
    bulkDb = await createTestDatabase();
    const constraints = () =>
      withClient(bulkDb.url, async (c) => {
        const result = await c.query<{ name: string; def: string }>(
          `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
           WHERE connamespace = 'public'::regnamespace ORDER BY conname`,
        );
        return result.rows;
      });
    const before = await constraints();
    const summary = await loadFiles(bulkDb.url, [dir], { bulk: 'always' });
    expect(summary.status).toBe('succeeded');
    // Sites and participants reference nothing: there is nothing to drop for them.
    expect(summary.files.filter((f) => f.bulk).map((f) => f.kind)).toEqual([
      'groups',
      'enrollments',
      'sessions',
      'attendance',
      'feedback',
      'sobriety',
    ]);
    expect(await tableContents(bulkDb.url)).toEqual(await tableContents(db.url));
    expect(await constraints()).toEqual(before);
  });
});
