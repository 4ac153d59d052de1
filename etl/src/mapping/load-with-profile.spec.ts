// Loading a vendor-shaped export through its profile gives the same database as loading the
// contract files it was made from; rows the mapping cannot map are rejects of their source line.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@iop/db';
import { generateDemoData } from '../demo/generate';
import { loadFiles } from '../load/load-files';
import { storedRejects, tableContents, withClient } from '../load/testing/database';
import { NOT_A_DATE, UNKNOWN_CODE } from './map-row';
import { loadWithProfile } from './load-with-profile';
import { previewProfile } from './preview';
import { parseProfile } from './profile';
import { findProfileForFiles, saveProfile } from './profile-store';
import { stableId } from './report';
import { VENDOR_FILES, vendorProfile, writeVendorExport } from './testing/vendor-export';

jest.setTimeout(180_000);

describe('loading a vendor export through its profile', () => {
  let work: string;
  let direct: TestDatabase;
  let mapped: TestDatabase;
  const profile = parseProfile(vendorProfile());

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'iop-mapping-spec-'));
    await generateDemoData({ outDir: path.join(work, 'demo'), participants: 30, seed: 3 });
    await writeVendorExport(path.join(work, 'demo'), path.join(work, 'vendor'));
    [direct, mapped] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([direct?.drop(), mapped?.drop()]);
    await rm(work, { recursive: true, force: true });
  });

  it('stores what the contract files store (groups get ids from their natural key)', async () => {
    const contract = await loadFiles(direct.url, [path.join(work, 'demo')]);
    const summary = await loadWithProfile(mapped.url, [path.join(work, 'vendor')], profile);
    expect(contract.status).toBe('succeeded');
    expect(summary.status).toBe('succeeded');
    expect(summary.warnings).toEqual([]);
    expect(summary.files.map((f) => f.file)).toEqual([
      'Locations.csv → sites',
      'Group_Attendance_Report.csv → groups',
      'Client Demographics.xlsx → participants',
      'Episodes.csv → enrollments',
      'Group_Attendance_Report.csv → sessions',
      'Group_Attendance_Report.csv → attendance',
      'GSRS Ratings.csv → feedback',
      'Recovery Check-ins.csv → sobriety',
    ]);

    const expected = await tableContents(direct.url);
    const actual = await tableContents(mapped.url);
    for (const table of ['site', 'participant', 'enrollment', 'attendance', 'feedback', 'sobriety_checkin'])
      expect({ table, rows: actual[table] }).toEqual({ table, rows: expected[table] });

    // Groups: those the report names (with someone on a roster); their ids are a hash of site and
    // name, and their capacity is not in it.
    const rostered = new Set(expected.attendance!.map((a) => a.session_id));
    const byId = new Map(expected.therapy_group!.map((g) => [g.group_id as string, g]));
    const groupsMet = new Set(expected.group_session!.filter((s) => rostered.has(s.session_id)).map((s) => s.group_id));
    const regrouped = expected
      .therapy_group!.filter((g) => groupsMet.has(g.group_id))
      .map((g) => ({
        ...g,
        group_id: stableId('grp', g.site_id as string, g.group_name as string),
        capacity: null,
      }));
    const sortById = (rows: Record<string, unknown>[]) =>
      [...rows].sort((a, b) => String(a.group_id).localeCompare(String(b.group_id)));
    expect(sortById(actual.therapy_group!)).toEqual(sortById(regrouped));
    // Sessions: those with someone on the roster, under their group's generated id.
    const sessions = expected
      .group_session!.filter((s) => rostered.has(s.session_id))
      .map((s) => {
        const group = byId.get(s.group_id as string)!;
        return { ...s, group_id: stableId('grp', group.site_id as string, group.group_name as string) };
      });
    expect(actual.group_session).toEqual(sessions);
  });

  it('loads the next export of the same program as unchanged rows, with the same generated ids', async () => {
    const summary = await loadWithProfile(mapped.url, [path.join(work, 'vendor')], profile);
    expect(summary.status).toBe('succeeded');
    expect(summary.totals.inserted).toBe(0);
    expect(summary.totals.updated).toBe(0);
    expect(summary.totals.unchanged).toBe(summary.totals.read);
  });

  it('rejects an unmappable row by its source file, line and column, and loads the rest', async () => {
    const broken = path.join(work, 'broken');
    await writeVendorExport(path.join(work, 'demo'), broken);
    const report = path.join(broken, VENDOR_FILES.report);
    const lines = (await readFile(report, 'utf8')).split('\r\n');
    // Line 3: an attendance code the profile does not know; line 5: a date in another format.
    lines[2] = lines[2]!.replace(/,(P|A|E|L|LE),(\d*),/, ',Q,$2,');
    lines[4] = lines[4]!.replace(/,(\d{1,2})\/(\d{1,2})\/(\d{2}),/, ',$2.$1.20$3,');
    await writeFile(report, lines.join('\r\n'));
    const summary = await loadWithProfile(mapped.url, [broken], profile);
    expect(summary.status).toBe('partial');
    const attendance = summary.files.find((f) => f.file === 'Group_Attendance_Report.csv → attendance')!;
    expect(attendance.rejected).toBe(2);
    expect(attendance.read).toBe(lines.filter((l) => l !== '').length - 1);
    const rejects = await storedRejects(mapped.url, summary.loadId!);
    expect(rejects).toEqual([
      expect.objectContaining({
        file: 'Group_Attendance_Report.csv → attendance',
        line: 3,
        column: 'Attendance',
        value: 'Q',
        reason: UNKNOWN_CODE,
      }),
      expect.objectContaining({
        file: 'Group_Attendance_Report.csv → attendance',
        line: 5,
        column: 'Date of Service',
        reason: NOT_A_DATE,
      }),
    ]);
  });

  it("names a source line in the loader's own rejects too", async () => {
    const broken = path.join(work, 'broken-contract');
    await writeVendorExport(path.join(work, 'demo'), broken);
    // A GSRS rating of 11 is mapped as written; the contract's rule refuses it on its source line.
    const ratings = path.join(broken, VENDOR_FILES.feedback);
    const lines = (await readFile(ratings, 'utf8')).split('\r\n');
    lines[3] = lines[3]!.replace(/,[^,]*$/, ',11');
    await writeFile(ratings, lines.join('\r\n'));
    const summary = await loadWithProfile(mapped.url, [broken], profile);
    const rejects = await storedRejects(mapped.url, summary.loadId!);
    expect(rejects).toEqual([
      expect.objectContaining({ file: 'GSRS Ratings.csv → feedback', line: 4, column: 'overall', value: '11' }),
    ]);
  });

  it('keeps the source line when a field holds line breaks', async () => {
    const broken = path.join(work, 'broken-lines');
    await writeVendorExport(path.join(work, 'demo'), broken);
    const report = path.join(broken, VENDOR_FILES.report);
    const lines = (await readFile(report, 'utf8')).split('\r\n');
    // Line 2's topic spans two lines (2-3); the next record starts on line 4 with a bad code, and the
    // one after (line 5) has more minutes than the contract allows.
    lines[1] = lines[1]!.replace(/,[^,]*$/, ',"Coping\r\nskills"');
    lines[2] = lines[2]!.replace(/,(P|A|E|L|LE),(\d*),/, ',Q,$2,');
    lines[3] = lines[3]!.replace(/,(P|A|E|L|LE),(\d*),/, ',$1,999,');
    await writeFile(report, lines.join('\r\n'));
    const summary = await loadWithProfile(mapped.url, [broken], profile);
    const rejects = await storedRejects(mapped.url, summary.loadId!);
    expect(rejects.map((r) => [r.file, r.line, r.column])).toEqual([
      ['Group_Attendance_Report.csv → attendance', 4, 'Attendance'],
      ['Group_Attendance_Report.csv → attendance', 5, 'minutes_attended'],
    ]);
  });

  it('previews the contract rows and rejects without writing anything', async () => {
    const before = await withClient(mapped.url, (c) => c.query('SELECT count(*)::int AS n FROM etl_load'));
    const preview = await previewProfile(profile, [path.join(work, 'vendor', VENDOR_FILES.enrollments)], { rows: 2 });
    expect(preview.tables).toHaveLength(1);
    expect(preview.tables[0]).toMatchObject({
      file: 'Episodes.csv → enrollments',
      kind: 'enrollments',
      rejectedRows: 0,
    });
    expect(preview.tables[0]!.rows).toHaveLength(2);
    expect(preview.tables[0]!.rows[0]![3]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const after = await withClient(mapped.url, (c) => c.query('SELECT count(*)::int AS n FROM etl_load'));
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('finds the saved profile that maps a folder of files', async () => {
    const files = Object.values(VENDOR_FILES).map((f) => path.join(work, 'vendor', f));
    await withClient(mapped.url, async (client) => {
      expect(await findProfileForFiles(client, files)).toBeNull();
      await saveProfile(client, vendorProfile('Another program'), 'test');
      const other = {
        ...vendorProfile('Unrelated'),
        files: [{ match: { fileName: 'nothing*.csv' }, target: 'sites', columns: { site_id: 'a', site_name: 'b' } }],
      };
      await saveProfile(client, other, 'test');
      const found = await findProfileForFiles(client, files);
      expect(found).toMatchObject({ name: 'Another program', version: 1, savedBy: 'test' });
    });
  });
});
