// The command line (etl/src/cli.ts), run in-process with captured output. The crash tests run the
// compiled CLI as a real process.

import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@iop/db';
import { EXIT_FAILED, EXIT_LOADED, EXIT_PARTIAL, EXIT_USAGE, main } from '../cli';
import { fixture } from './testing/database';
import type { LoadSummary } from './types';

jest.setTimeout(60_000);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let db: TestDatabase;
let rejectsDir: string;

async function run(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  db = await createTestDatabase();
  rejectsDir = await mkdtemp(path.join(tmpdir(), 'iop-cli-rejects-'));
  // The CLI reads its database from the same configuration as the API (read once per process).
  process.env.DATABASE_URL = db.url;
});

afterAll(async () => {
  delete process.env.DATABASE_URL;
  await db?.drop();
  await rm(rejectsDir, { recursive: true, force: true });
});

describe('etl load', () => {
  it('exits 0 when everything loaded, with a summary per file on stderr', async () => {
    const { code, stdout, stderr } = await run('load', fixture('ok'));
    expect(code).toBe(EXIT_LOADED);
    expect(stdout).toBe('');
    expect(stderr).toContain('[6/8] attendance.csv: reading');
    expect(stderr).toMatch(/ {2}attendance\.csv +10 +10 +0 +0 +0 +\d+\.\d s/);
    expect(stderr).toMatch(
      /Load \d+ succeeded in \d+\.\d s: 44 rows read, 44 inserted, 0 updated, 0 unchanged, 0 rejected/,
    );
  });

  it('prints a machine-readable summary on stdout with --json, and nothing else', async () => {
    const { code, stdout, stderr } = await run('load', fixture('ok'), '--json', '--quiet');
    expect(code).toBe(EXIT_LOADED);
    expect(stderr).toBe('');
    const summary = JSON.parse(stdout) as LoadSummary;
    expect(Object.keys(summary).sort()).toEqual(
      [
        'derivedDataMs',
        'derivedRefresh',
        'durationMs',
        'files',
        'finishedAt',
        'loadId',
        'rejectsFile',
        'startedAt',
        'status',
        'totals',
        'warnings',
      ].sort(),
    );
    expect(summary.status).toBe('succeeded');
    expect(summary.totals).toEqual({ read: 44, inserted: 0, updated: 0, unchanged: 44, rejected: 0 });
    expect(summary.files[0]).toEqual({
      file: 'sites.csv',
      path: fixture('ok', 'sites.csv'),
      kind: 'sites',
      status: 'loaded',
      read: 3,
      inserted: 0,
      updated: 0,
      unchanged: 3,
      rejected: 0,
      durationMs: expect.any(Number),
      bulk: false,
      phaseMs: { copy: expect.any(Number), check: expect.any(Number), upsert: expect.any(Number) },
      warnings: [],
      sampleRejects: [],
    });
  });

  it('exits 2 when rows were rejected, and prints where the rejects CSV is', async () => {
    const { code, stdout, stderr } = await run(
      'load',
      fixture('not-ok', 'attendance-outside-episode'),
      '--rejects-dir',
      rejectsDir,
      '--json',
    );
    expect(code).toBe(EXIT_PARTIAL);
    const summary = JSON.parse(stdout) as LoadSummary;
    expect(summary.status).toBe('partial');
    expect(summary.rejectsFile).toBe(path.join(rejectsDir, `load-${summary.loadId}-rejects.csv`));
    expect(stderr).toContain(`Rejected rows: ${summary.rejectsFile}`);
    const csv = await readFile(summary.rejectsFile!, 'utf8');
    expect(csv.split('\n')[1]).toMatch(
      /^attendance\.csv,2,participant_id,P002,"the participant has no episode whose window/,
    );
  });

  it('never prints a participant ID in clear: sample rejects show a masked value', async () => {
    const { stdout, stderr } = await run('load', fixture('not-ok', 'attendance-outside-episode'), '--json');
    expect(stderr).toMatch(/line 2, participant_id "participant#[0-9a-f]{10}": the participant has no episode/);
    for (const id of ['P002', 'P003']) {
      expect(stderr).not.toContain(id);
      expect(stdout).not.toContain(id);
    }
  });

  it('names the identifier column of a refused file, and exits 2 as the other files went in', async () => {
    const { code, stderr } = await run('load', fixture('not-ok', 'identifier-column'));
    expect(code).toBe(EXIT_PARTIAL);
    expect(stderr).toContain(
      'participants.csv  REFUSED: a column looks like a direct identifier; files with direct identifiers',
    );
    // The operator sees which column, after the message.
    expect(stderr).toContain('are refused whole and nothing from this file was stored ("First Name" (first_name))');
  });

  it('exits 1 when the load failed, saying why and that nothing was stored', async () => {
    const { code, stdout, stderr } = await run('load', fixture('not-ok', 'same-kind-twice'), '--json', '--quiet');
    expect(code).toBe(EXIT_FAILED);
    expect(stderr).toMatch(/^Load failed, nothing was stored: more than one file of the same kind/);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'failed', totals: { read: 0 } });
  });

  it('exits 1 for a path that does not exist', async () => {
    const { code, stderr } = await run('load', path.join(rejectsDir, 'missing'));
    expect(code).toBe(EXIT_FAILED);
    expect(stderr).toContain(`a file or folder given does not exist (${path.join(rejectsDir, 'missing')})`);
  });

  it('exits 64 for a wrong command line', async () => {
    expect((await run('load')).code).toBe(EXIT_USAGE);
    expect((await run('unload', 'x')).code).toBe(EXIT_USAGE);
    expect((await run('load', 'x', '--no-such-option')).code).toBe(EXIT_USAGE);
  });

  it('writes the rejects CSV under tmp/etl-rejects by default', async () => {
    const { stdout } = await run('load', fixture('not-ok', 'keys'), '--json', '--quiet');
    const summary = JSON.parse(stdout) as LoadSummary;
    expect(summary.rejectsFile).toMatch(/tmp\/etl-rejects\/load-\d+-rejects\.csv$/);
    expect(existsSync(summary.rejectsFile!)).toBe(true);
    await rm(summary.rejectsFile!);
  });
});

describe('etl history', () => {
  it('lists the latest loads, newest first, as JSON', async () => {
    const { code, stdout } = await run('history', '--limit', '2', '--json');
    expect(code).toBe(EXIT_LOADED);
    const loads = JSON.parse(stdout) as { loadId: number; status: string }[];
    expect(loads).toHaveLength(2);
    expect(loads[0]!.loadId).toBeGreaterThan(loads[1]!.loadId);
  });
});
