// `npm run etl -- load DIR --profile NAME | --profile-file path.json`, run in-process.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@iop/db';
import { EXIT_LOADED, EXIT_USAGE, main } from '../cli';
import { generateDemoData } from '../demo/generate';
import { withClient } from '../load/testing/database';
import type { LoadSummary } from '../load/types';
import { saveProfile } from './profile-store';
import { vendorProfile, writeVendorExport } from './testing/vendor-export';

jest.setTimeout(120_000);

let db: TestDatabase;
let work: string;

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
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
  process.env.DATABASE_URL = db.url;
  work = await mkdtemp(path.join(tmpdir(), 'iop-mapping-cli-'));
  await generateDemoData({ outDir: path.join(work, 'demo'), participants: 10, seed: 5 });
  await writeVendorExport(path.join(work, 'demo'), path.join(work, 'vendor'));
  await writeFile(path.join(work, 'profile.json'), JSON.stringify(vendorProfile('Nightly')));
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await db?.drop();
  await rm(work, { recursive: true, force: true });
});

describe('etl load with a mapping profile', () => {
  it('maps the files by a profile file', async () => {
    const { code, stdout } = await run(
      'load',
      path.join(work, 'vendor'),
      '--profile-file',
      path.join(work, 'profile.json'),
      '--json',
      '--quiet',
    );
    expect(code).toBe(EXIT_LOADED);
    const summary = JSON.parse(stdout) as LoadSummary;
    expect(summary.files.map((f) => f.file)).toContain('Episodes.csv → enrollments');
    expect(summary.totals.inserted).toBeGreaterThan(100);
  });

  it('maps the files by a saved profile, and says when there is none of that name', async () => {
    await withClient(db.url, (client) => saveProfile(client, vendorProfile('Nightly'), 'director'));
    const { code, stdout } = await run('load', path.join(work, 'vendor'), '--profile', 'Nightly', '--json', '--quiet');
    expect(code).toBe(EXIT_LOADED);
    expect((JSON.parse(stdout) as LoadSummary).totals.unchanged).toBeGreaterThan(100);
    await expect(run('load', path.join(work, 'vendor'), '--profile', 'Nope')).rejects.toThrow(
      'there is no saved mapping profile named "Nope"',
    );
  });

  it('refuses a profile file that is not a valid profile, naming the problem', async () => {
    await writeFile(path.join(work, 'bad.json'), JSON.stringify({ name: 'x', files: [] }));
    await expect(run('load', path.join(work, 'vendor'), '--profile-file', path.join(work, 'bad.json'))).rejects.toThrow(
      'the mapping profile is not valid: files:',
    );
    expect((await run('load', work, '--profile', 'a', '--profile-file', 'b')).code).toBe(EXIT_USAGE);
  });
});
