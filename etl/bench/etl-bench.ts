// Loader benchmark: `npm run bench:etl -- --attendance-rows N` (default 5,000,000).
//
// Generates a demo data set sized to about N attendance rows (with the demo generator, in a child
// process so that its memory does not count), then, in one fresh database on the configured server
// (DATABASE_URL, or the project's embedded Postgres):
//   1. raw COPY: the attendance CSV straight into an unindexed table (COPY … CSV through
//      pg-copy-streams): the floor for getting those rows into this database at all;
//   2. the loader: all eight files, end to end (parse, validate, stage, check, upsert, commit).
// Prints rows/s of both, their ratio, where the loader's time went, and the loader's peak RSS.
// Not a test: figures depend on the machine and what else runs on it (the load average is shown).

import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Command, InvalidArgumentError } from 'commander';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig, migrate, projectRoot, startDatabaseServer, withDatabase } from '@iop/db';
import { createRng } from '../src/demo/prng';
import { loadFiles } from '../src/load/load-files';
import { writeNightlyExport } from '../src/load/nightly-export';
import type { BulkPolicy } from '../src/load/bulk-mode';
import type { LoadSummary } from '../src/load/types';

/** Attendance rows per participant in the demo data (seed 1: 1,043,209 rows for 26,000). */
const ATTENDANCE_PER_PARTICIPANT = 40.1;
const number = new Intl.NumberFormat('en-US');

interface BenchOptions {
  attendanceRows: number;
  participants?: number;
  seed: number;
  dataDir?: string;
  bulk: BulkPolicy;
  json?: boolean;
}

function wholeNumber(value: string): number {
  const parsed = Number(value.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('expected a whole number of at least 1');
  return parsed;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The demo data set, generated once per size and seed and reused by later runs. */
/** The share of open episodes the update discharges. */
const DISCHARGED_SHARE = 0.2;
/** The nightly delta (issue 17): 1% of the episodes changed, a week of new rows. */
const NIGHTLY = { episodeShare: 0.01, newDays: 7, onlyChanges: true };

/**
 * enrollments.csv of `dir` with every 1/share-th open episode discharged (completed) on the latest
 * date of the file, written to a folder beside it. Rows of participants seen after that date are
 * then rejected by the loader's stranding checks, as a real export's would be.
 */
async function writeDischargedEnrollments(dir: string, share: number): Promise<{ file: string; changed: number }> {
  const lines = (await readFile(path.join(dir, 'enrollments.csv'), 'utf8')).trimEnd().split('\n');
  const header = lines[0]!.split(',');
  const [admission, discharge, reason] = ['admission_date', 'discharge_date', 'discharge_reason'].map((c) =>
    header.indexOf(c),
  );
  const rows = lines.slice(1).map((line) => line.split(','));
  const latest = rows
    .map((r) => [r[admission!]!, r[discharge!]!])
    .flat()
    .filter(Boolean)
    .sort()
    .at(-1)!;
  let open = 0;
  let changed = 0;
  for (const row of rows) {
    if (row[discharge!] !== '' || open++ % Math.round(1 / share) !== 0) continue;
    row[discharge!] = latest;
    row[reason!] = 'completed';
    changed++;
  }
  const out = path.join(`${dir}-discharged`, 'enrollments.csv');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return { file: out, changed };
}

async function dataSet(options: BenchOptions): Promise<{ dir: string; participants: number }> {
  const participants =
    options.participants ?? Math.max(10, Math.ceil(options.attendanceRows / ATTENDANCE_PER_PARTICIPANT));
  const dir =
    options.dataDir ?? path.join(projectRoot(), 'tmp', 'etl-bench-data', `p${participants}-seed${options.seed}`);
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) {
    log(`Reusing the data set in ${dir}`);
    return { dir, participants };
  }
  log(`Generating demo data for ${number.format(participants)} participants into ${dir}…`);
  const cli = path.join(__dirname, '..', 'src', 'demo', 'cli.js');
  const args = [cli, '--out', dir, '--participants', String(participants), '--seed', String(options.seed)];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the demo generator exited with ${code}`)),
    );
  });
  await writeFile(marker, new Date().toISOString());
  return { dir, participants };
}

async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
  }
  return lines - 1; // the header
}

/**
 * The attendance file straight into a table with COPY: unindexed (`raw`, the target's floor), or
 * shaped like the real attendance table with its key, index, types and checks but no foreign keys
 * (`indexed`: what the table itself costs, before any validation).
 */
async function copyInto(url: string, file: string, shape: 'raw' | 'indexed'): Promise<{ rows: number; ms: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      shape === 'raw'
        ? 'CREATE TABLE bench_raw_attendance (session_id text, participant_id text, status text, minutes_attended smallint)'
        : 'CREATE TABLE bench_raw_attendance (LIKE attendance INCLUDING ALL)',
    );
    const started = performance.now();
    const copy = client.query(copyFrom('COPY bench_raw_attendance FROM STDIN (FORMAT csv, HEADER true)'));
    await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), copy);
    const ms = performance.now() - started;
    await client.query('DROP TABLE bench_raw_attendance');
    return { rows: copy.rowCount, ms };
  } finally {
    await client.end();
  }
}

async function withBenchDatabase<T>(work: (url: string, serverVersion: string) => Promise<T>): Promise<T> {
  const server = await startDatabaseServer(loadConfig(), log);
  const name = `iop_bench_${process.pid}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  try {
    const version =
      (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '?';
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = withDatabase(server.url, name);
      await migrate(url);
      return await work(url, version);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
    await server.stop();
  }
}

function report(
  summary: LoadSummary,
  raw: { rows: number; ms: number },
  indexed: { rows: number; ms: number },
  peakRssBytes: number,
  context: Record<string, string>,
): string {
  const totalRows = summary.totals.read;
  const loaderRate = (totalRows * 1000) / summary.durationMs;
  const rawRate = (raw.rows * 1000) / raw.ms;
  const attendance = summary.files.find((f) => f.kind === 'attendance');
  const attendanceRate = attendance ? (attendance.read * 1000) / attendance.durationMs : 0;
  const lines = [
    '',
    ...Object.entries(context).map(([k, v]) => `${k}: ${v}`),
    '',
    `| file | rows | time | copy (parse+stage) | checks | upsert | bulk mode | rows/s |`,
    `|---|---:|---:|---:|---:|---:|:-:|---:|`,
    ...summary.files.map(
      (f) =>
        `| ${f.file} | ${number.format(f.read)} | ${seconds(f.durationMs)} | ${seconds(f.phaseMs.copy)} | ` +
        `${seconds(f.phaseMs.check)} | ${seconds(f.phaseMs.upsert)} | ${f.bulk ? 'yes' : 'no'} | ` +
        `${number.format(Math.round((f.read * 1000) / f.durationMs))} |`,
    ),
    '',
    `Derived-data refresh (refreshDerivedData, inside the load): ${seconds(summary.derivedDataMs)}`,
    `Loader, all files end to end: ${number.format(totalRows)} rows in ${seconds(summary.durationMs)} = ${number.format(Math.round(loaderRate))} rows/s (${summary.status})`,
    `Raw COPY of the attendance CSV into an unindexed table: ${number.format(raw.rows)} rows in ${seconds(raw.ms)} = ${number.format(Math.round(rawRate))} rows/s`,
    `COPY of the same rows into a table indexed like attendance (no foreign keys): ${seconds(indexed.ms)} = ${number.format(Math.round((indexed.rows * 1000) / indexed.ms))} rows/s`,
    `Ratio, loader rows/s ÷ raw COPY rows/s: ${(loaderRate / rawRate).toFixed(3)}`,
    `Ratio, attendance.csv alone in the loader ÷ raw COPY: ${(attendanceRate / rawRate).toFixed(3)}`,
    `Loader peak RSS: ${Math.round(peakRssBytes / 1e6)} MB`,
  ];
  return lines.join('\n') + '\n';
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command()
    .name('etl-bench')
    .option('--attendance-rows <n>', 'about how many attendance rows to generate and load', wholeNumber, 5_000_000)
    .option('--participants <n>', 'how many participants to generate (instead of --attendance-rows)', wholeNumber)
    .option('--seed <s>', 'demo data seed', wholeNumber, 1)
    .option('--data-dir <dir>', 'where the generated data set is kept (default tmp/etl-bench-data/…)')
    .option('--bulk <when>', 'the loader bulk policy: auto, off or always', 'auto')
    .option('--json', 'print the figures as JSON on stdout')
    .parse([...argv], { from: 'user' });
  const options = program.opts<BenchOptions>();
  if (!['auto', 'off', 'always'].includes(options.bulk)) throw new Error('--bulk must be auto, off or always');

  const { dir, participants } = await dataSet(options);
  const attendanceFile = path.join(dir, 'attendance.csv');
  const attendanceRows = await countLines(attendanceFile);
  log(`Data set: ${number.format(participants)} participants, ${number.format(attendanceRows)} attendance rows`);

  return withBenchDatabase(async (url, serverVersion) => {
    const loadAverageBefore = os.loadavg()[0]!.toFixed(2);
    log('Raw COPY of the attendance rows…');
    const raw = await copyInto(url, attendanceFile, 'raw');
    log(`  ${number.format(raw.rows)} rows in ${seconds(raw.ms)}`);
    log('COPY of the attendance rows into a table indexed like attendance (no foreign keys)…');
    const indexed = await copyInto(url, attendanceFile, 'indexed');
    log(`  ${number.format(indexed.rows)} rows in ${seconds(indexed.ms)}`);

    log('Loading every file…');
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    let lastLine = 0;
    const summary = await loadFiles(url, [dir], {
      bulk: options.bulk,
      onProgress: (p) => {
        if (p.phase === 'file-done' && p.summary) {
          log(`  ${p.summary.file}: ${number.format(p.summary.read)} rows in ${seconds(p.summary.durationMs)}`);
        } else if (p.phase === 'reading' && p.rowsRead > 0 && performance.now() - lastLine > 5000) {
          lastLine = performance.now();
          log(`  ${p.file}: ${number.format(p.rowsRead)} rows read…`);
        }
      },
    });

    // The same files again: every row is compared with the stored one and found unchanged.
    log('Loading the same files again…');
    const reload = await loadFiles(url, [dir], { bulk: options.bulk });
    clearInterval(sampler);
    // maxRSS (kB) is the process's true peak (both loads); the sampler only sees every 50 ms. Read
    // before the nightly export is written, in this process, with every file in memory.
    peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
    // A program's nightly export: only its new and changed rows, 1% of the episodes discharged or
    // admitted and a week of sessions, attendance, feedback and check-ins.
    log('Loading a nightly delta export…');
    const nightlyDir = `${dir}-nightly`;
    const made = await writeNightlyExport(dir, nightlyDir, createRng(options.seed), NIGHTLY);
    const nightly = await loadFiles(url, [nightlyDir], { bulk: options.bulk });
    // Next month's enrollments as a program exports them: some open episodes now discharged. Each
    // changed episode is checked against the stored attendance and check-ins it could strand.
    log('Loading the enrollments with open episodes discharged…');
    const discharged = await writeDischargedEnrollments(dir, DISCHARGED_SHARE);
    const update = await loadFiles(url, [discharged.file], { bulk: options.bulk });

    const context = {
      Date: new Date().toISOString(),
      Machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`,
      'Load average (1 min) before / after': `${loadAverageBefore} / ${os.loadavg()[0]!.toFixed(2)}`,
      'Node / Postgres': `${process.version} / ${serverVersion}`,
      'Data set': `${number.format(participants)} participants (seed ${options.seed}), ${number.format(attendanceRows)} attendance rows`,
      'Bulk policy': options.bulk,
    };
    if (options.json) {
      const figures = { context, raw, indexed, summary, reload, nightly, update, peakRssBytes: peakRss };
      process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    }
    process.stderr.write(report(summary, raw, indexed, peakRss, context));
    process.stderr.write(
      `Reload of the same files: ${number.format(reload.totals.unchanged)} of ${number.format(reload.totals.read)} rows ` +
        `unchanged in ${seconds(reload.durationMs)} (derived-data refresh ${seconds(reload.derivedDataMs)})\n` +
        `Nightly delta (${number.format(made.discharged)} discharged, ${number.format(made.admitted)} admitted, ` +
        `${number.format(made.newSessions)} new sessions, ${number.format(made.newAttendance)} attendance rows): ` +
        `${number.format(nightly.totals.read)} rows in ${seconds(nightly.durationMs)} (derived-data refresh ` +
        `${seconds(nightly.derivedDataMs)}, ${nightly.derivedRefresh}), ` +
        `${((100 * nightly.durationMs) / summary.durationMs).toFixed(1)}% of the full load's ${seconds(summary.durationMs)}\n` +
        `Enrollments with ${number.format(discharged.changed)} open episodes discharged: ${number.format(update.totals.updated)} ` +
        `updated, ${number.format(update.totals.rejected)} rejected (stored rows they would strand), in ` +
        `${seconds(update.durationMs)} (derived-data refresh ${seconds(update.derivedDataMs)})\n`,
    );
    const loaded = [summary, reload, nightly, update].every((s) => s.status !== 'failed');
    return summary.status === 'succeeded' && reload.status === 'succeeded' && loaded ? 0 : 1;
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      log(`etl-bench: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
