import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './cli';

function captureOutput(): { write(text: string): boolean; text(): string } {
  let written = '';
  return {
    write: (text: string) => {
      written += text;
      return true;
    },
    text: () => written,
  };
}

describe('demo-data CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'demo-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the eight files and prints a summary of rows per file to stderr', async () => {
    const stderr = captureOutput();
    const summary = await main(['--out', dir, '--participants', '25', '--seed', '4', '--end', '2026-06-30'], stderr);
    expect((await readdir(dir)).sort()).toEqual([
      'attendance.csv',
      'enrollments.csv',
      'feedback.csv',
      'groups.csv',
      'participants.csv',
      'sessions.csv',
      'sites.csv',
      'sobriety.csv',
    ]);
    expect(summary.participants).toBe(25);
    expect(summary.seed).toBe(4);
    expect(summary.endDate).toBe('2026-06-30');
    expect(stderr.text()).toContain('participants.csv');
    expect(stderr.text()).toMatch(/participants\.csv\s+25 rows/);
    expect(stderr.text()).toMatch(new RegExp(`attendance\\.csv\\s+${summary.rows.attendance} rows`));
  });

  it('uses 2000 participants and seed 1 by default', async () => {
    const summary = await main(['--out', join(dir, 'defaults')], captureOutput());
    expect(summary.participants).toBe(2000);
    expect(summary.seed).toBe(1);
    expect(summary.endDate).toBe('2026-10-31');
  }, 30_000);

  // Refused before anything is written, so the folder is never created.
  const unused = join(tmpdir(), 'demo-cli-never-written');
  it.each([
    [['--participants', '10'], /--out/],
    [['--out', unused, '--participants', 'many'], /whole number/],
    [['--out', unused, '--participants', '0'], /at least 1/],
    [['--out', unused, '--end', '2026-02-31'], /calendar date/],
  ])('refuses %p', async (args, message) => {
    const stderr = captureOutput();
    await expect(main([...args], stderr)).rejects.toThrow(message);
  });
});
