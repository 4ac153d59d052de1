// Spreadsheets (.xlsx) load like the CSV exports: the first sheet, the same rules and messages,
// rejects at the sheet's row number, dates as real date cells or as serial numbers. The workbooks
// are written here with exceljs, as a spreadsheet program would save them.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createTestDatabase, type TestDatabase } from '@iop/db';
import { loadFiles } from './load-files';
import { serialToDate } from './spreadsheet-cells';
import { storedRejects, tableContents } from './testing/database';

jest.setTimeout(60_000);

let db: TestDatabase;
let dir: string;

async function workbook(name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(sheetName);
    rows.forEach((row, i) => {
      if (row.length > 0) sheet.getRow(i + 1).values = row as ExcelJS.CellValue[];
    });
  }
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iop-xlsx-'));
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('serialToDate', () => {
  it("counts days as Excel's 1900 date system does", () => {
    expect(serialToDate(45658)).toBe('2025-01-01');
    expect(serialToDate(45658.5)).toBe('2025-01-01 12:00');
  });
});

describe('a load of spreadsheets', () => {
  it('reads the first sheet of each workbook, dates as date cells or serial numbers', async () => {
    const sites = await workbook('sites.xlsx', {
      Sites: [['Site ID', 'site_name'], ['S1', 'North clinic'], [], ['S2', 'South clinic']],
      Notes: [['not', 'the export']],
    });
    const participants = await workbook('Participants.xlsx', {
      Export: [
        ['participant_id', 'birth_year', 'co_occurring'],
        ['P1', 1980, true],
        ['P2', 1975, 'no'],
      ],
    });
    const enrollments = await workbook('enrollments.xlsx', {
      Episodes: [
        ['enrollment_id', 'participant_id', 'site_id', 'admission_date', 'discharge_date', 'discharge_reason'],
        ['E1', 'P1', 'S1', new Date(Date.UTC(2025, 0, 6)), 45688, 'completed'],
        ['E2', 'P2', 'S2', 45665, null, null],
        ['E3', 'P2', 'S9', '2025-01-10', '2025-01-05', 'completed'],
        ['E4', 'P1', 'S1', new Date(Date.UTC(2025, 5, 1, 9, 30)), null, null],
      ],
    });
    const summary = await loadFiles(db.url, [sites, participants, enrollments]);
    expect(summary.files.map((f) => [f.file, f.status, f.read, f.inserted, f.rejected])).toEqual([
      ['sites.xlsx', 'loaded', 2, 2, 0],
      ['Participants.xlsx', 'loaded', 2, 2, 0],
      ['enrollments.xlsx', 'loaded', 4, 2, 2],
    ]);
    const contents = await tableContents(db.url);
    expect(contents.site).toEqual([
      { site_id: 'S1', site_name: 'North clinic' },
      { site_id: 'S2', site_name: 'South clinic' },
    ]);
    expect(contents.enrollment?.map((e) => [e.enrollment_id, e.admission_date, e.discharge_date])).toEqual([
      ['E1', '2025-01-06', '2025-01-31'],
      ['E2', '2025-01-08', null],
    ]);
    const rejects = await storedRejects(db.url, summary.loadId!);
    expect(rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [4, 'discharge_date', '2025-01-05', 'discharge_date is before admission_date'],
      [
        5,
        'admission_date',
        '2025-06-01 09:30',
        'admission_date includes a time of day; give the date only (YYYY-MM-DD or M/D/YYYY)',
      ],
    ]);
  });

  it('refuses, like a CSV, a sheet with a direct identifier or a file that is no workbook', async () => {
    const named = await workbook('participants.xlsx', {
      Sheet1: [
        ['participant_id', 'first_name'],
        ['P3', 'Ann'],
      ],
    });
    const fake = path.join(dir, 'sites.xlsx');
    await writeFile(fake, 'site_id,site_name\nS3,West\n');
    const summary = await loadFiles(db.url, [named, fake]);
    expect(summary.files.map((f) => [f.file, f.status, f.message])).toEqual([
      ['sites.xlsx', 'refused', 'the file is named .xlsx but could not be read as a spreadsheet workbook'],
      ['participants.xlsx', 'refused', expect.stringMatching(/first_name|identif/)],
    ]);
  });
});
