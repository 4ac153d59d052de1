import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@iop/db';
import { ROOT } from './process-harness';

// `npm run etl -- load … --json | jq`: stdout holds the load's JSON summary and nothing else, even
// when the command first installs or builds (that progress goes to stderr).

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

function npm(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npm', args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url },
    encoding: 'utf8',
    timeout: 170_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FIXTURE = path.join('test', 'fixtures', 'ok');

it('prints only the JSON summary on stdout, the build and progress on stderr', () => {
  const run = npm(['run', '--silent', 'etl', '--', 'load', FIXTURE, '--json']);
  expect(run.status).toBe(0);
  const summary = JSON.parse(run.stdout) as { status: string; files: unknown[] };
  expect(summary.status).toBe('succeeded');
  expect(summary.files).toHaveLength(8);
});

it('adds nothing to stdout but npm’s own banner, which only --silent leaves out', () => {
  const run = npm(['run', 'etl', '--', 'load', FIXTURE, '--json']);
  expect(run.status).toBe(0);
  // npm announces the script it runs ("> iop-outcomes@… etl" and the command) on stdout itself.
  const banner = run.stdout.slice(0, run.stdout.indexOf('{'));
  expect(banner.split('\n').filter((line) => line !== '' && !line.startsWith('> '))).toEqual([]);
  expect((JSON.parse(run.stdout.slice(banner.length)) as { status: string }).status).toBe('succeeded');
});
