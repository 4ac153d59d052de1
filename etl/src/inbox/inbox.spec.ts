// The watched inbox with a real folder and a real database: complete drops are loaded oldest
// first and archived in done/ or failed/ with their load record; a drop still being written waits.

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@iop/db';
import JSZip from 'jszip';
import { generateDemoData } from '../demo/generate';
import { loadFiles } from '../load/load-files';
import { loadHistory } from '../load/load-record';
import { saveProfile } from '../mapping/profile-store';
import { vendorProfile, writeVendorExport } from '../mapping/testing/vendor-export';
import { tableContents, withClient } from '../load/testing/database';
import { listDrops } from './drops';
import { ensureInbox, InboxWatcher, runInboxOnce } from './inbox-runner';
import { processDrop } from './process-drop';

jest.setTimeout(120_000);

let db: TestDatabase;
let inbox: string;

beforeEach(async () => {
  db = await createTestDatabase();
  inbox = await mkdtemp(path.join(tmpdir(), 'iop-inbox-test-'));
});

afterEach(async () => {
  await db?.drop();
  await rm(inbox, { recursive: true, force: true });
});

/** Writes a drop folder of files and sets every file's time to `ageSeconds` ago. */
async function drop(name: string, files: Record<string, string>, ageSeconds: number, ready = false): Promise<void> {
  const dir = path.join(inbox, name);
  await mkdir(dir);
  const when = new Date(Date.now() - ageSeconds * 1000);
  for (const [file, text] of Object.entries(files)) {
    await writeFile(path.join(dir, file), text);
    await utimes(path.join(dir, file), when, when);
  }
  if (ready) await writeFile(path.join(inbox, `${name}.ready`), '');
}

const SITES = 'site_id,site_name\nS1,North\n';
const SITES_LATER = 'site_id,site_name\nS1,North clinic\nS2,South\n';

describe('the watched inbox', () => {
  it('loads a complete drop into done/ with its load record, shown in the load history', async () => {
    await drop('2026-01-07', { 'sites.csv': SITES }, 0, true);
    const outcomes = await runInboxOnce(db.url, inbox, { settleSeconds: 60, gapMs: 10 });
    expect(outcomes.map((o) => [o.drop, o.result])).toEqual([['2026-01-07', 'done']]);
    const archived = (await readdir(path.join(inbox, 'done')))[0]!;
    expect(archived).toMatch(/-2026-01-07$/);
    expect(await readdir(path.join(inbox, 'done', archived))).toEqual(['2026-01-07', 'load.json']);
    const record = JSON.parse(await readFile(path.join(inbox, 'done', archived, 'load.json'), 'utf8'));
    expect(record.status).toBe('succeeded');
    expect(existsSync(path.join(inbox, '2026-01-07.ready'))).toBe(false);
    expect((await tableContents(db.url)).site).toEqual([{ site_id: 'S1', site_name: 'North' }]);
    const [load] = await loadHistory(db.url, 1);
    expect(load).toMatchObject({ loadId: record.loadId, source: 'inbox drop 2026-01-07 (contract CSV files)' });
  });

  it('moves a bad drop to failed/ with a reason in words, and loads the next one', async () => {
    await drop('a-bad', { 'participants.csv': 'participant_id,first_name\nP1,Ann\n' }, 600);
    await drop('b-good', { 'sites.csv': SITES }, 300);
    const outcomes = await runInboxOnce(db.url, inbox, { settleSeconds: 60, gapMs: 10 });
    expect(outcomes.map((o) => [o.drop, o.result])).toEqual([
      ['a-bad', 'failed'],
      ['b-good', 'done'],
    ]);
    const [failed] = await readdir(path.join(inbox, 'failed'));
    const reason = await readFile(path.join(inbox, 'failed', failed!, 'REASON.txt'), 'utf8');
    expect(reason).toMatch(/^every file was refused: participants\.csv: .*first_name/);
    expect(reason).not.toContain(inbox); // no server path
    expect((await tableContents(db.url)).participant).toEqual([]);
  });

  it('loads drops oldest first, whatever their names', async () => {
    await drop('z-monday', { 'sites.csv': SITES }, 3000, true);
    await drop('a-tuesday', { 'sites.csv': SITES_LATER }, 2000, true);
    const outcomes = await runInboxOnce(db.url, inbox, { settleSeconds: 60, gapMs: 10 });
    expect(outcomes.map((o) => o.drop)).toEqual(['z-monday', 'a-tuesday']);
    // Tuesday's export, loaded last, is what stands.
    expect((await tableContents(db.url)).site).toEqual([
      { site_id: 'S1', site_name: 'North clinic' },
      { site_id: 'S2', site_name: 'South' },
    ]);
  });

  it('leaves a drop that is still being written, and takes it once it has settled', async () => {
    await drop('half', { 'sites.csv': SITES }, 0);
    const watcher = new InboxWatcher(db.url, inbox, { settleSeconds: 30 });
    await watcher.start();
    const t0 = Date.now();
    expect(await watcher.poll(t0)).toEqual([]);
    // Still growing at the next look: the settle time starts again.
    await writeFile(path.join(inbox, 'half', 'sites.csv'), `${SITES}S2,So`);
    expect(await watcher.poll(t0 + 31_000)).toEqual([]);
    expect(await watcher.poll(t0 + 40_000)).toEqual([]);
    expect(await readdir(inbox)).toContain('half');
    // The one-pass command does not take it either: its files are newer than the settle time.
    expect(await runInboxOnce(db.url, inbox, { settleSeconds: 30, gapMs: 10 })).toEqual([]);
    await writeFile(path.join(inbox, 'half', 'sites.csv'), `${SITES}S2,South\n`);
    expect(await watcher.poll(t0 + 41_000)).toEqual([]);
    const outcomes = await watcher.poll(t0 + 72_000);
    expect(outcomes.map((o) => [o.drop, o.result])).toEqual([['half', 'done']]);
    expect((await tableContents(db.url)).site).toHaveLength(2);
  });

  it('loads a FHIR export dropped as NDJSON files', async () => {
    const org = JSON.stringify({ resourceType: 'Organization', id: 'S7', name: 'FHIR site' });
    await drop('fhir-export', { 'Organization.ndjson': `${org}\n` }, 0, true);
    const outcomes = await runInboxOnce(db.url, inbox, { settleSeconds: 60, gapMs: 10 });
    expect(outcomes.map((o) => [o.drop, o.result])).toEqual([['fhir-export', 'done']]);
    expect((await loadHistory(db.url, 1))[0]!.source).toBe('inbox drop fhir-export (FHIR bulk export)');
    expect((await tableContents(db.url)).site).toEqual([{ site_id: 'S7', site_name: 'FHIR site' }]);
  });

  it("loads a program's own export through the saved profile that matches it, and waits for none", async () => {
    const demo = path.join(inbox, '..', `${path.basename(inbox)}-demo`);
    try {
      await generateDemoData({ outDir: demo, participants: 12, seed: 4 });
      await writeVendorExport(demo, path.join(inbox, 'vendor-export'));
      await writeFile(path.join(inbox, 'vendor-export.ready'), '');
      const direct = await createTestDatabase();
      try {
        await loadFiles(direct.url, [demo]);
        await withClient(db.url, (client) => saveProfile(client, vendorProfile('Vendor EHR'), 'test'));
        const outcomes = await runInboxOnce(db.url, inbox, { settleSeconds: 60, gapMs: 10 });
        expect(outcomes.map((o) => [o.drop, o.result, o.reason])).toEqual([['vendor-export', 'done', null]]);
        const [load] = await loadHistory(db.url, 1);
        expect(load!.source).toBe('inbox drop vendor-export (mapping profile "Vendor EHR" version 1)');
        expect(load!.status).toBe('succeeded');
        const [mapped, contract] = await Promise.all([tableContents(db.url), tableContents(direct.url)]);
        expect(mapped.participant).toEqual(contract.participant);
        expect(mapped.enrollment).toEqual(contract.enrollment);
      } finally {
        await direct.drop();
      }
    } finally {
      await rm(demo, { recursive: true, force: true });
    }
  });

  it('unpacks a zipped export, and refuses a zip with a path in a name it cannot flatten', async () => {
    const good = new JSZip();
    good.file('export-2026-01-07/sites.csv', SITES);
    good.file('__MACOSX/export-2026-01-07/._sites.csv', 'resource fork');
    await writeFile(path.join(inbox, 'nightly.zip'), await good.generateAsync({ type: 'nodebuffer' }));
    const bad = new JSZip();
    bad.file('sites (1).csv', SITES);
    await writeFile(path.join(inbox, 'other.zip'), await bad.generateAsync({ type: 'nodebuffer' }));
    for (const zip of ['nightly.zip', 'other.zip']) await writeFile(path.join(inbox, `${zip}.ready`), '');
    const outcomes = await runInboxOnce(db.url, inbox, { settleSeconds: 60, gapMs: 10 });
    expect(outcomes.map((o) => [o.drop, o.result]).sort()).toEqual([
      ['nightly.zip', 'done'],
      ['other.zip', 'failed'],
    ]);
    expect(outcomes.find((o) => o.drop === 'other.zip')!.reason).toMatch(/not a plain file name/);
    expect((await tableContents(db.url)).site).toEqual([{ site_id: 'S1', site_name: 'North' }]);
    // The unpacked copy is not archived beside the zip.
    const [done] = await readdir(path.join(inbox, 'done'));
    expect((await readdir(path.join(inbox, 'done', done!))).sort()).toEqual(['load.json', 'nightly.zip']);
  });

  it('puts a drop whose load was stopped (the server stopping) back in the inbox, marker and all', async () => {
    await drop('stopped', { 'sites.csv': SITES }, 0, true);
    const stop = new AbortController();
    stop.abort();
    await ensureInbox(inbox);
    const [stopped] = await listDrops(inbox);
    const outcome = await processDrop(db.url, inbox, stopped!, { signal: stop.signal });
    expect(outcome).toMatchObject({ drop: 'stopped', result: 'requeued' });
    expect((await readdir(inbox)).sort()).toEqual(['done', 'failed', 'processing', 'stopped', 'stopped.ready'].sort());
    expect(await readdir(path.join(inbox, 'processing'))).toEqual([]);
    expect((await tableContents(db.url)).site).toEqual([]);
  });
});
