import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvCell, csvLine, CsvFileWriter } from './csv-writer';

describe('csvCell', () => {
  it('quotes only what needs quoting (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(false)).toBe('false');
  });

  it('builds lines that a CSV parser reads back unchanged', () => {
    const cells = ['G1', 'Skills (DBT), Mon/Wed', 'The "HALT" check', 'x\r\ny', ''];
    expect(parse(csvLine(cells))).toEqual([cells]);
  });
});

describe('CsvFileWriter', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'csv-writer-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the header and every row, across many flushes, in order', async () => {
    const path = join(dir, 'many.csv');
    const writer = CsvFileWriter.create(path, ['id', 'text']);
    for (let i = 0; i < 50_000; i++) {
      writer.writeRow([i, `row ${i}, with a comma`]);
      if (i % 100 === 0) await writer.flushIfFull();
    }
    await writer.close();
    expect(writer.rows).toBe(50_000);
    const records = parse<Record<string, string>>(await readFile(path, 'utf8'), { columns: true });
    expect(records).toHaveLength(50_000);
    expect(records[49_999]).toEqual({ id: '49999', text: 'row 49999, with a comma' });
  });

  it('reports a file that cannot be written', async () => {
    const writer = CsvFileWriter.create(join(dir, 'missing-folder', 'x.csv'), ['id']);
    writer.writeRow([1]);
    await expect(writer.close()).rejects.toThrow(/ENOENT|missing-folder/);
  });
});
