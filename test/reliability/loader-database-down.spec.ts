// Postgres stops in the middle of a load: the loader (the built CLI, as in production) exits with
// status 1 and says so in one plain sentence, and once the server is back a re-run gives exactly one
// clean load. The load is held at a named point by IOP_ETL_PAUSE_AT, the server is stopped, and
// SIGUSR2 lets the loader carry on into the dead connection.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '@iop/db';
import { generateDemoData, loadFiles } from '@iop/etl';
import { PAUSE_ENV, PAUSE_MARKER, RESUME_SIGNAL } from '../../etl/src/load/pause-hook';
import { killStragglers, startCli } from '../../etl/src/load/testing/compiled-cli';
import { tableContents, type TableContents, withClient } from '../../etl/src/load/testing/database';
import { ROOT } from '../e2e/process-harness';
import { type DedicatedPostgres, startDedicatedPostgres } from './support/dedicated-postgres';

jest.setTimeout(120_000);

const CLI = path.join(ROOT, 'etl', 'dist', 'cli.js');
let dataDir: string;
let cleanLoad: TableContents;
let pg: DedicatedPostgres;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'iop-db-down-'));
  await generateDemoData({ outDir: dataDir, participants: 120, seed: 11 });
  const reference = await createTestDatabase();
  try {
    expect((await loadFiles(reference.url, [dataDir])).status).toBe('succeeded');
    cleanLoad = await tableContents(reference.url);
  } finally {
    await reference.drop();
  }
  pg = await startDedicatedPostgres();
});

afterEach(() => killStragglers());

afterAll(async () => {
  await pg?.remove();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function loadStatuses(url: string): Promise<string[]> {
  return withClient(url, async (c) =>
    (await c.query(`SELECT status FROM etl_load ORDER BY load_id`)).rows.map((r) => r.status),
  );
}

describe.each([
  ['while the attendance rows stream in (COPY)', 'copy:attendance', 'while loading attendance.csv: '],
  ['after the attendance upsert, with the transaction open', 'upsert:attendance', 'while loading attendance.csv: '],
  ['while the derived data is refreshed', 'refresh', ''],
])('Postgres stopped %s', (_when, pauseAt, where) => {
  it('makes the loader exit 1 with a clear message, and a re-run after the restart loads once', async () => {
    const before = await tableContents(pg.url);
    const statusesBefore = await loadStatuses(pg.url);
    const run = startCli(CLI, ['load', dataDir, '--quiet'], { DATABASE_URL: pg.url, [PAUSE_ENV]: pauseAt });
    await run.waitFor(PAUSE_MARKER);
    await pg.server.stop();
    let exit: Awaited<typeof run.exit>;
    try {
      run.child.kill(RESUME_SIGNAL);
      exit = await run.exit;
    } finally {
      await pg.server.start();
    }

    expect(exit).toEqual({ code: 1, signal: null });
    const stderr = run.stderr().replace(/^IOP_ETL_PAUSED.*\n/m, '');
    expect(stderr).toBe(
      `Load failed, nothing was stored: ${where}the connection to the database was lost ` +
        '(the server stopped or restarted); run the load again once the database is back\n',
    );
    expect(await tableContents(pg.url)).toEqual(before);
    expect(await loadStatuses(pg.url)).toEqual(statusesBefore);

    const rerun = startCli(CLI, ['load', dataDir, '--quiet'], { DATABASE_URL: pg.url });
    expect(await rerun.exit).toEqual({ code: 0, signal: null });
    expect(await tableContents(pg.url)).toEqual(cleanLoad);
    expect(await loadStatuses(pg.url)).toEqual([...statusesBefore, 'succeeded']);
  });
});
