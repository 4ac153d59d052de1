import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@iop/db';
import { main } from './report-cli';
import { FIXTURE_FILTER, loadReportFixture } from './testing/report-fixture';

// The scheduled-delivery command, in process, on a test database given as DATABASE_URL.
let db: TestDatabase;
let dir: string;
let out: string[];
let err: string[];

beforeAll(async () => {
  db = await createTestDatabase();
  await loadReportFixture(db.url);
  process.env.DATABASE_URL = db.url;
  dir = mkdtempSync(path.join(tmpdir(), 'iop-report-cli-'));
});
beforeEach(() => {
  out = [];
  err = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
  jest.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
});
afterEach(() => jest.restoreAllMocks());
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

const args = (format: string, file: string, more: string[] = []) => [
  '--from',
  FIXTURE_FILTER.from,
  '--to',
  FIXTURE_FILTER.to,
  '--as-of',
  FIXTURE_FILTER.asOf,
  '--format',
  format,
  '--out',
  path.join(dir, file),
  ...more,
];

it('writes the CSV of every site and says what it wrote', async () => {
  expect(await main(args('csv', 'q2.csv'))).toBe(0);
  const csv = readFileSync(path.join(dir, 'q2.csv'), 'utf8');
  expect(csv).toContain('census,admissions,all,2026-04-01..2026-06-30,126,,,126,false\r\n');
  expect(csv).toContain('retention,episodes,trauma_informed,2026-04-01..2026-06-30,,,,,true\r\n');
  expect(out.join('')).toMatch(
    /^Wrote .*q2\.csv \(CSV, [\d,]+ bytes\): 2026-04-01 to 2026-06-30, as of 2026-10-31, all sites; \d+ figures, \d+ suppressed\.\n$/,
  );
});

it('writes a PDF for chosen sites with the program name given', async () => {
  expect(await main(args('pdf', 'q2.pdf', ['--sites', 'S2', '--program-name', 'Riverside IOP']))).toBe(0);
  const pdf = readFileSync(path.join(dir, 'q2.pdf'));
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(out.join('')).toContain('as of 2026-10-31, S2;');
});

it.each([
  [
    ['--from', '2026-04-01', '--to', '2026-03-01', '--format', 'csv', '--out', 'x.csv'],
    'from (2026-04-01) is after to (2026-03-01)',
  ],
  [
    ['--from', '2026-04-01', '--to', '2026-06-30', '--as-of', 'soon', '--format', 'csv', '--out', 'x.csv'],
    '--as-of must be a date',
  ],
  [['--from', '2026-04-01', '--to', '2026-06-30', '--format', 'xls', '--out', 'x.xls'], "'xls' is invalid"],
  [['--from', '2026-04-01', '--format', 'csv', '--out', 'x.csv'], "required option '--to <date>' not specified"],
])('exits 1 with a clear message for %j', async (argv, message) => {
  expect(await main(argv)).toBe(1);
  expect(err.join('')).toContain(message);
});

it('exits 1 when the file cannot be written', async () => {
  expect(await main(args('csv', path.join('no-such-folder', 'q2.csv')))).toBe(1);
  expect(err.join('')).toMatch(/^Cannot make the report: ENOENT/);
});
