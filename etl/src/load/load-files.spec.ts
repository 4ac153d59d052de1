import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@iop/db';
import { loadFiles } from './load-files';
import { loadHistory } from './load-record';
import { fixture, tableContents, withClient } from './testing/database';
import { OK_CONTENTS } from './testing/ok-fixture';
import type { LoadProgress, LoadSummary } from './types';

jest.setTimeout(60_000);

function countsByFile(summary: LoadSummary) {
  return Object.fromEntries(
    summary.files.map((f) => [f.file, [f.read, f.inserted, f.updated, f.unchanged, f.rejected].join('/')]),
  );
}

describe('loading the clean fixture', () => {
  let db: TestDatabase;
  let first: LoadSummary;
  const progress: LoadProgress[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    first = await loadFiles(db.url, [fixture('ok')], { onProgress: (p) => progress.push(p), currentYear: 2026 });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('stores exactly the rows of the files', async () => {
    expect(first.status).toBe('succeeded');
    expect(await tableContents(db.url)).toEqual(OK_CONTENTS);
  });

  it('applies the files in the contract order and counts every row as inserted', () => {
    expect(first.files.map((f) => f.file)).toEqual([
      'sites.csv',
      'groups.csv',
      'participants.csv',
      'enrollments.csv',
      'sessions.csv',
      'attendance.csv',
      'feedback.csv.gz',
      'sobriety.csv',
    ]);
    expect(countsByFile(first)).toEqual({
      'sites.csv': '3/3/0/0/0',
      'groups.csv': '5/5/0/0/0',
      'participants.csv': '5/5/0/0/0',
      'enrollments.csv': '6/6/0/0/0',
      'sessions.csv': '6/6/0/0/0',
      'attendance.csv': '10/10/0/0/0',
      'feedback.csv.gz': '4/4/0/0/0',
      'sobriety.csv': '5/5/0/0/0',
    });
    expect(first.totals).toEqual({ read: 44, inserted: 44, updated: 0, unchanged: 0, rejected: 0 });
  });

  it('warns once about a column the contract does not know, naming it in the detail only', () => {
    const groups = first.files.find((f) => f.file === 'groups.csv');
    expect(groups?.warnings).toEqual(['ignored a column not in the contract']);
    expect(groups?.detail).toBe('ignored: "notes"');
  });

  it('reports progress through the callback, file by file', () => {
    const phases = progress.filter((p) => p.file === 'attendance.csv').map((p) => p.phase);
    expect(phases[0]).toBe('reading');
    expect(phases.slice(-3)).toEqual(['checking', 'upserting', 'file-done']);
    expect(progress.at(-1)?.phase).toBe('done');
    const done = progress.find((p) => p.phase === 'file-done' && p.file === 'attendance.csv');
    expect(done?.summary?.inserted).toBe(10);
  });

  it('changes nothing when the same files are loaded again, and says so', async () => {
    const again = await loadFiles(db.url, [fixture('ok')], { currentYear: 2026 });
    expect(again.status).toBe('succeeded');
    expect(again.totals).toEqual({ read: 44, inserted: 0, updated: 0, unchanged: 44, rejected: 0 });
    expect(await tableContents(db.url)).toEqual(OK_CONTENTS);
  });

  it('counts one updated row when one row of a file changed', async () => {
    const changed = await loadFiles(db.url, [fixture('update', 'sites.csv')]);
    expect(changed.status).toBe('succeeded');
    expect(countsByFile(changed)).toEqual({ 'sites.csv': '3/0/1/2/0' });
    const sites = (await tableContents(db.url)).site;
    expect(sites?.[1]).toEqual({ site_id: 'S2', site_name: 'Northgate Outpatient Services' });
    // Back to the fixture, for the tests after this one.
    const restored = await loadFiles(db.url, [fixture('ok', 'sites.csv')]);
    expect(restored.totals).toMatchObject({ updated: 1, unchanged: 2 });
  });

  it('vacuums the derived tables after its commit, so that readers skip the rows it replaced', async () => {
    const vacuumed = () =>
      withClient(
        db.url,
        async (c) =>
          (
            await c.query<{ n: number }>(
              `SELECT vacuum_count::int AS n FROM pg_stat_user_tables WHERE schemaname = 'derived' AND relname = 'episode_fact'`,
            )
          ).rows[0]!.n,
      );
    const before = await vacuumed();
    const again = await loadFiles(db.url, [fixture('ok')], { currentYear: 2026 });
    expect(again.warnings).toEqual([]);
    expect(await vacuumed()).toBe(before + 1);
  });

  it('does not rewrite unchanged rows', async () => {
    const xmin = () =>
      withClient(
        db.url,
        async (c) => (await c.query<{ x: string }>(`SELECT xmin::text AS x FROM site ORDER BY site_id`)).rows,
      );
    const before = await xmin();
    await loadFiles(db.url, [fixture('ok', 'sites.csv')]);
    expect(await xmin()).toEqual(before);
  });

  it('keeps a queryable history of the loads, newest first', async () => {
    const history = await loadHistory(db.url, 2);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ status: 'succeeded', read: 3, unchanged: 3 });
    expect(history[0]?.files).toEqual([
      expect.objectContaining({ file: 'sites.csv', kind: 'sites', status: 'loaded', read: 3, unchanged: 3 }),
    ]);
    const all = await loadHistory(db.url, 100);
    const firstLoad = all.at(-1);
    expect(firstLoad).toMatchObject({ loadId: first.loadId, status: 'succeeded', read: 44, inserted: 44 });
    expect(firstLoad?.files.map((f) => f.file)).toEqual(first.files.map((f) => f.file));
    expect(firstLoad?.files[1]).toMatchObject({
      message: 'ignored a column not in the contract',
      detail: 'ignored: "notes"',
    });
  });
});

describe('the rejects CSV', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), 'iop-rejects-'));
  });
  afterAll(async () => {
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists every reject with file, line, column, value, reason and detail, in load order', async () => {
    const summary = await loadFiles(db.url, [fixture('not-ok', 'rejects-file')], {
      rejectsDir: dir,
      currentYear: 2026,
    });
    expect(summary.status).toBe('partial');
    expect(summary.rejectsFile).toBe(path.join(dir, `load-${summary.loadId}-rejects.csv`));
    const text = await readFile(summary.rejectsFile!, 'utf8');
    expect(text).toBe(
      [
        'file,line,column,value,reason,detail',
        // An empty field is written "" (an empty value), unlike a reject about the whole row (no value).
        'sites.csv,3,site_name,"",site_name is required but empty,',
        'sites.csv,4,,,"the row has more fields than the header has columns, so its values cannot be matched to columns (a value may contain an unquoted comma)",3 fields; the header has 2 columns',
        'participants.csv,2,birth_year,1850,birth_year is not between 1900 and 2026,',
        'participants.csv,4,gender,"""F""","gender is not one of: female, male, nonbinary, other, unknown",',
        // Values a spreadsheet would run as formulas are written as text.
        "participants.csv,5,birth_year,'-1990,birth_year is not between 1900 and 2026,",
        `participants.csv,5,gender,"'=HYPERLINK(""http://x"")","gender is not one of: female, male, nonbinary, other, unknown",`,
        '',
      ].join('\n'),
    );
  });
});
