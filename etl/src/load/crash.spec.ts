// A load is one transaction: killing the loader at any point leaves the database as it was, and
// running it again gives exactly the result of one clean load. The loader runs as a real child
// process (the compiled CLI), paused at a named point by IOP_ETL_PAUSE_AT, then killed with SIGKILL.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@iop/db';
import { generateDemoData } from '../demo/generate';
import { loadFiles } from './load-files';
import { PAUSE_ENV, PAUSE_MARKER } from './pause-hook';
import { compileCli, killStragglers, startCli, type CompiledCli } from './testing/compiled-cli';
import { tableContents, type TableContents, withClient } from './testing/database';
import type { LoadPhase } from './types';

jest.setTimeout(120_000);

let cli: CompiledCli;
let dataDir: string;
let cleanLoad: TableContents;

async function loadRecords(url: string): Promise<{ status: string; message: string | null }[]> {
  return withClient(url, async (c) => (await c.query(`SELECT status, message FROM etl_load ORDER BY load_id`)).rows);
}

async function constraints(url: string): Promise<{ name: string; def: string }[]> {
  return withClient(
    url,
    async (c) =>
      (
        await c.query<{ name: string; def: string }>(
          `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
           WHERE connamespace = 'public'::regnamespace ORDER BY conname`,
        )
      ).rows,
  );
}

async function readWithin(url: string, sql: string, lockTimeout: string): Promise<unknown> {
  return withClient(url, async (c) => {
    await c.query(`SET lock_timeout = '${lockTimeout}'`);
    return c.query(sql);
  });
}

function isEmpty(contents: TableContents): boolean {
  return Object.values(contents).every((rows) => rows.length === 0);
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'iop-crash-'));
  const [compiled] = await Promise.all([
    compileCli(),
    generateDemoData({ outDir: dataDir, participants: 300, seed: 7 }),
  ]);
  cli = compiled;
  const reference = await createTestDatabase();
  try {
    const summary = await loadFiles(reference.url, [dataDir]);
    expect(summary.status).toBe('succeeded');
    cleanLoad = await tableContents(reference.url);
  } finally {
    await reference.drop();
  }
});

afterEach(() => killStragglers());

afterAll(async () => {
  await cli?.remove();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('a loader killed with SIGKILL', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db?.drop();
  });

  it.each([
    ['while reading the first file (sites, COPY under way)', 'copy:sites', 'auto'],
    ['while the attendance rows stream into staging (COPY)', 'copy:attendance', 'auto'],
    ['right after the attendance upsert', 'upsert:attendance', 'auto'],
    ['while the derived data is refreshed', 'refresh', 'auto'],
    ['just before COMMIT', 'commit', 'auto'],
    ['in bulk mode, after constraints were dropped and re-added', 'upsert:feedback', 'always'],
  ])('%s leaves nothing, and a re-run gives one clean load', async (_when, pauseAt, bulk) => {
    const constraintsBefore = await constraints(db.url);
    const killed = startCli(cli.cliPath, ['load', dataDir, '--bulk', bulk], {
      DATABASE_URL: db.url,
      [PAUSE_ENV]: pauseAt,
    });
    await killed.waitFor(PAUSE_MARKER);
    if (bulk === 'always') {
      // Bulk mode locks the tables it loads until the commit: readers wait rather than see a part.
      await expect(readWithin(db.url, 'SELECT count(*) FROM attendance', '300ms')).rejects.toThrow(/lock timeout/);
    } else {
      // Paused with rows written inside its transaction: nobody else sees any of them.
      expect(isEmpty(await tableContents(db.url))).toBe(true);
    }
    killed.child.kill('SIGKILL');
    expect(await killed.exit).toEqual({ code: null, signal: 'SIGKILL' });

    expect(isEmpty(await tableContents(db.url))).toBe(true);
    expect(await loadRecords(db.url)).toEqual([]);
    expect(await constraints(db.url)).toEqual(constraintsBefore);

    const rerun = startCli(cli.cliPath, ['load', dataDir, '--quiet'], { DATABASE_URL: db.url });
    expect((await rerun.exit).code).toBe(0);
    expect(await tableContents(db.url)).toEqual(cleanLoad);
    expect(await loadRecords(db.url)).toEqual([{ status: 'succeeded', message: null }]);
  });

  it('after a first load, leaves the first load as it was', async () => {
    const first = await loadFiles(db.url, [dataDir]);
    expect(first.status).toBe('succeeded');
    const killed = startCli(cli.cliPath, ['load', dataDir], { DATABASE_URL: db.url, [PAUSE_ENV]: 'upsert:feedback' });
    await killed.waitFor(PAUSE_MARKER);
    killed.child.kill('SIGKILL');
    await killed.exit;
    expect(await tableContents(db.url)).toEqual(cleanLoad);
    expect(await loadRecords(db.url)).toEqual([{ status: 'succeeded', message: null }]);
  });
});

describe('two loads at the same time', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('never interleave: the second waits for the first, says so, then goes on', async () => {
    const first = startCli(cli.cliPath, ['load', dataDir], { DATABASE_URL: db.url, [PAUSE_ENV]: 'upsert:sessions' });
    await first.waitFor(PAUSE_MARKER);

    const second = startCli(cli.cliPath, ['load', dataDir], { DATABASE_URL: db.url });
    await second.waitFor('waiting for another load to finish…');
    // Still waiting while the first holds the lock.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(second.child.exitCode).toBeNull();

    first.child.kill('SIGKILL');
    expect((await second.exit).code).toBe(0);
    expect(await tableContents(db.url)).toEqual(cleanLoad);
  });
});

describe('a cancelled load', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('is rolled back and recorded as failed', async () => {
    const controller = new AbortController();
    const phases: LoadPhase[] = [];
    const summary = await loadFiles(db.url, [dataDir], {
      signal: controller.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (p.file === 'attendance.csv' && p.phase === 'reading') controller.abort();
      },
    });
    expect(summary.status).toBe('failed');
    expect(summary.message).toBe('the load was cancelled; nothing of it was stored');
    expect(phases).not.toContain('done');
    expect(isEmpty(await tableContents(db.url))).toBe(true);
    expect(await loadRecords(db.url)).toEqual([
      { status: 'failed', message: 'the load was cancelled; nothing of it was stored' },
    ]);
  });
});
