import type { Column } from './columns';
import { toCsv } from './csv';

interface Row {
  name: string | null;
  rate: number | null;
}

const columns: Column<Row>[] = [
  { label: 'Name', value: (r) => r.name },
  { label: 'Rate', value: (r) => r.rate },
];

describe('toCsv', () => {
  test.each<[string, Row, string]>([
    ['plain text and a number', { name: 'Skills', rate: 0.5 }, 'Skills,0.5'],
    ['numbers are written unrounded', { name: 'a', rate: 0.123456789 }, 'a,0.123456789'],
    ['zero is a number, not empty', { name: 'a', rate: 0 }, 'a,0'],
    ['a negative number stays a number', { name: 'a', rate: -0.25 }, 'a,-0.25'],
    ['null is an empty cell', { name: null, rate: null }, ','],
    ['NaN is an empty cell', { name: 'a', rate: Number.NaN }, 'a,'],
    ['a comma is quoted', { name: 'North, East', rate: 1 }, '"North, East",1'],
    ['a quote is doubled inside quotes', { name: 'the "main" site', rate: 1 }, '"the ""main"" site",1'],
    ['a line break is quoted', { name: 'two\nlines', rate: 1 }, '"two\nlines",1'],
    ['surrounding spaces are kept by quoting', { name: ' padded ', rate: 1 }, '" padded ",1'],
    ['a formula is neutralised', { name: '=HYPERLINK("x")', rate: 1 }, `"'=HYPERLINK(""x"")",1`],
    ['text starting with minus is neutralised', { name: '-1+2', rate: 1 }, "'-1+2,1"],
  ])('%s', (_name, row, line) => {
    expect(toCsv([row], columns)).toBe(`Name,Rate\r\n${line}\r\n`);
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv([], columns)).toBe('Name,Rate\r\n');
  });

  it('writes booleans as true/false', () => {
    expect(toCsv([{ ok: true }], [{ label: 'OK', value: (r: { ok: boolean }) => r.ok }])).toBe('OK\r\ntrue\r\n');
  });
});
