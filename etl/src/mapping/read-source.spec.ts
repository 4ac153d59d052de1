import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readSource, sampleSource, SourceReadError } from './read-source';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iop-read-source-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function records(file: string, sheet?: string) {
  const out: { line: number; record: string[] }[] = [];
  for await (const r of readSource(file, sheet)) out.push(r);
  return out;
}

describe('readSource', () => {
  it('gives each CSV record with the physical line it starts on (blank lines and quoted line breaks count)', async () => {
    const file = path.join(dir, 'Episodes.csv.gz');
    await writeFile(file, gzipSync('\uFEFFEpisode #,Note\r\nE1,"two\r\nlines"\r\n\r\nE2,x\r\n'));
    expect(await records(file)).toEqual([
      { line: 1, record: ['Episode #', 'Note'] },
      { line: 2, record: ['E1', 'two\r\nlines'] },
      { line: 5, record: ['E2', 'x'] },
    ]);
  });

  it('reads the named sheet of a workbook (or the first), date cells as ISO and serial numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['Exported by the EHR']);
    const clients = workbook.addWorksheet('Clients');
    clients.addRow(['Client ID', 'Admit Date', 'Serial']);
    clients.addRow([]);
    clients.addRow(['C1', new Date(Date.UTC(2025, 2, 4)), 45720]);
    const file = path.join(dir, 'Clients.xlsx');
    await workbook.xlsx.writeFile(file);
    expect(await records(file, 'clients')).toEqual([
      { line: 1, record: ['Client ID', 'Admit Date', 'Serial'] },
      { line: 3, record: ['C1', '2025-03-04', '45720'] },
    ]);
    expect(await records(file)).toEqual([{ line: 1, record: ['Exported by the EHR'] }]);
    await expect(records(file, 'Episodes')).rejects.toThrow(
      new SourceReadError('the workbook has no sheet named "Episodes"'),
    );
  });

  it('samples a few distinct values per column', async () => {
    const file = path.join(dir, 'Attendance.csv');
    await writeFile(file, 'Client,Status\nC1,P\nC2,P\nC3,A\nC4,\n');
    expect(await sampleSource(file, { samples: 2 })).toEqual({
      header: ['Client', 'Status'],
      samples: [
        ['C1', 'C2'],
        ['P', 'A'],
      ],
    });
  });

  it('says when a file named .xlsx is no workbook, or a CSV is broken', async () => {
    const fake = path.join(dir, 'fake.xlsx');
    await writeFile(fake, 'not a zip');
    await expect(records(fake)).rejects.toThrow(/could not be read as a spreadsheet workbook/);
    const broken = path.join(dir, 'broken.csv');
    await writeFile(broken, 'a,b\n"open,1\n');
    await expect(records(broken)).rejects.toThrow(/not valid CSV/);
  });
});
