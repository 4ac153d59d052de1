// A whole load: one connection, one transaction, one advisory lock; every file in the contract's
// order, each in its own savepoint; the load's records; the derived-data hook; COMMIT. Anything
// that goes wrong before the COMMIT rolls everything back, and the failure is then recorded in a
// short transaction of its own. A killed process leaves the same: its transaction dies with its
// connection, and the next load starts from the database as it was.

import path from 'node:path';
import { DatabaseError, Pool, type PoolClient } from 'pg';
import { refreshDerivedData, startDerivedData, tidyDerivedData } from './derived-data';
import type { LoadFile } from './discover-files';
import { LoadCancelledError, LoadRefusedError } from './errors';
import { loadFile } from './load-file';
import { finishLoadRecord, recordFailedLoad, recordFile, startLoadRecord } from './load-record';
import { takeLoadLock } from './lock';
import { redactDatabaseMessage } from './mask';
import { pauseHere, shouldPause } from './pause-hook';
import { prepareInput, type PreparedInput } from './prepared-input';
import { hideInFileWords, hidingFolder } from './private-folder';
import { ProgressReporter } from './progress';
import { writeRejectsFile } from './rejects';
import type { FileSummary, LoadOptions, LoadStatus, LoadSummary, RowCounts } from './types';

/** Settings of the load's own session and transaction (see loadFiles). */
const SESSION_SETTINGS = [
  // Staging tables are temporary: they live in these session-local buffers, not shared_buffers.
  // Must be set before the session first touches a temporary table.
  `SET temp_buffers = '128MB'`,
];
const TRANSACTION_SETTINGS = [
  // Room for the hash joins and aggregates of the checks over millions of staged rows.
  `SET LOCAL work_mem = '256MB'`,
  // Index probes cost little more than sequential reads once the tables are cached or on SSD
  // (the default 4 dates from spinning disks): with it, the planner hashed all 4 million stored
  // attendance rows to look up the 83,000 of a nightly file, 2 s where the probes take 0.3 s.
  `SET LOCAL random_page_cost = 1.1`,
  // A server built with LLVM compiles any plan above jit_above_cost first: 0.4 s for the keyed
  // session facts of a nightly file, whose index probes the planner overestimates.
  `SET LOCAL jit = off`,
  // synchronous_commit stays on: the load commits once, so turning it off would save one flush
  // while letting a crash lose a load that was already reported as committed.
];

export interface InternalLoadOptions extends LoadOptions {
  /** For tests: the year birth_year is bounded by (default: the current year). */
  currentYear?: number;
}

function sumCounts(files: readonly FileSummary[]): RowCounts {
  const totals: RowCounts = { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const f of files) {
    totals.read += f.read;
    totals.inserted += f.inserted;
    totals.updated += f.updated;
    totals.unchanged += f.unchanged;
    totals.rejected += f.rejected;
  }
  return totals;
}

/**
 * The server went away under the load (stopped, restarted, crashed, network cut): Postgres' shutdown
 * codes (57P01-57P03), connection-class codes (08xxx), and node-postgres' and the socket's own.
 */
export function isConnectionLost(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (/^57P0[1-3]$/.test(code) || code.startsWith('08'))) return true;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT') return true;
  return typeof message === 'string' && /Connection terminated|connection error and is not queryable/i.test(message);
}

const CONNECTION_LOST =
  'the connection to the database was lost (the server stopped or restarted); ' +
  'run the load again once the database is back';

interface Failure {
  /** Fixed words, stored in etl_load.message for every role that sees loads. */
  message: string;
  /** The database's or a library's own words, which may quote paths or values: directors only. */
  detail: string | null;
}

function describeFailure(error: unknown, currentFile: string | undefined, signal?: AbortSignal): Failure {
  if (signal?.aborted || error instanceof LoadCancelledError) {
    return { message: new LoadCancelledError().message, detail: null };
  }
  if (error instanceof LoadRefusedError) return { message: error.message, detail: error.detail };
  const failure: Failure = isConnectionLost(error)
    ? { message: CONNECTION_LOST, detail: null }
    : error instanceof DatabaseError
      ? { message: 'the database refused the load', detail: redactDatabaseMessage(error.message) }
      : { message: 'the load failed unexpectedly', detail: error instanceof Error ? error.message : String(error) };
  return currentFile === undefined
    ? failure
    : { ...failure, message: `while loading ${currentFile}: ${failure.message}` };
}

/**
 * Loads the files and folders given into the database at `databaseUrl` (which must be migrated).
 * Never throws for a failed load: the summary says status 'failed' and why.
 */
export async function loadFiles(
  databaseUrl: string,
  paths: readonly string[],
  options: InternalLoadOptions = {},
): Promise<LoadSummary> {
  const startedAt = new Date();
  const t0 = performance.now();
  const hide = hidingFolder(options.privateFolder);
  const source = hide(options.source ?? paths.join(' '));
  const signal = options.signal;
  const pool = new Pool({ connectionString: databaseUrl, max: 2, application_name: 'iop-etl' });
  // An idle connection that drops must not crash the process: the load's own queries report it.
  pool.on('error', () => undefined);

  let client: PoolClient | undefined;
  let backendPid: number | undefined;
  let currentFile: string | undefined;
  const files: FileSummary[] = [];
  const warnings: string[] = [];
  let progress = new ProgressReporter(0, options.onProgress);
  let input: PreparedInput | undefined;

  // A running statement is cancelled from the pool's second connection; between statements the
  // loader checks the signal itself, and a COPY in flight is stopped through its stream pipeline.
  const cancel = (): void => {
    if (backendPid !== undefined) pool.query('SELECT pg_cancel_backend($1)', [backendPid]).catch(() => undefined);
  };
  signal?.addEventListener('abort', cancel, { once: true });

  try {
    if (signal?.aborted) throw new LoadCancelledError();
    input = await prepareInput(paths, options);
    for (const warning of input.warnings) warnings.push(hide(warning));
    progress = new ProgressReporter(input.files.length, options.onProgress);
    for (const file of input.files) {
      const mapped = options.mappedFiles?.get(path.resolve(file.path));
      if (mapped !== undefined) Object.assign(file, { name: mapped.name, mappingRejects: mapped.rejectsFile });
    }

    client = await pool.connect();
    client.on('error', () => undefined); // surfaced by the query that was running
    backendPid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    for (const sql of SESSION_SETTINGS) await client.query(sql);
    await client.query('BEGIN');
    for (const sql of TRANSACTION_SETTINGS) await client.query(sql);
    await takeLoadLock(client, () => progress.load('waiting-for-lock'));
    const loadId = await startLoadRecord(client, source);
    await input.recordPrepared(client, loadId);
    // Before the first write to a source table, which marks the derived tables stale.
    const changes = await startDerivedData(client);

    for (const [index, file] of input.files.entries()) {
      if (signal?.aborted) throw new LoadCancelledError();
      currentFile = file.name;
      const summary = await input.afterFile(
        client,
        loadId,
        await loadOneFile(client, loadId, file, index, progress, options, changes.incremental),
      );
      files.push(summary);
      await recordFile(client, loadId, summary);
    }
    currentFile = undefined;
    for (const summary of input.extraSummaries()) {
      files.push(summary);
      await recordFile(client, loadId, summary);
    }

    const refreshStarted = performance.now();
    // IOP_ETL_PAUSE_AT=refresh holds the load while the refresh runs (and after it, until resumed).
    const [refresh] = await Promise.all([
      refreshDerivedData(client, changes),
      shouldPause('refresh') && pauseHere('refresh'),
    ]);
    const derivedDataMs = performance.now() - refreshStarted;
    const totals = sumCounts(files);
    const status: LoadStatus =
      totals.rejected > 0 || files.some((f) => f.status === 'refused') ? 'partial' : 'succeeded';
    const finishedAt = await finishLoadRecord(client, loadId, status, totals);
    progress.load('committing');
    if (shouldPause('commit')) await pauseHere('commit');
    if (signal?.aborted) throw new LoadCancelledError();
    await client.query('COMMIT');
    // Committed: nothing below may fail the load, only add a warning.
    try {
      await tidyDerivedData(client);
    } catch (error) {
      warnings.push(
        hide(
          `the derived tables were not vacuumed (queries read the replaced rows until autovacuum does): ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }

    let rejectsFile: string | null = null;
    if (totals.rejected > 0 && options.rejectsDir !== undefined) {
      try {
        rejectsFile = await writeRejectsFile(
          client,
          loadId,
          files.map((f) => f.file),
          options.rejectsDir,
        );
      } catch (error) {
        // The load is committed and its rejects are in etl_reject; only the CSV copy is missing.
        warnings.push(
          hide(`could not write the rejects CSV: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
    }
    progress.load('done');
    return {
      loadId,
      status,
      startedAt: startedAt.toISOString(),
      finishedAt,
      durationMs: performance.now() - t0,
      files,
      totals,
      derivedDataMs,
      derivedRefresh: refresh.incremental ? 'incremental' : 'full',
      rejectsFile,
      warnings,
    };
  } catch (error) {
    const described = describeFailure(error, currentFile, signal);
    const failure = {
      message: hide(described.message),
      detail: described.detail === null ? null : hide(described.detail),
    };
    if (client !== undefined) {
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      // A connection that could not even roll back is closed: the server then rolls back itself.
      client.release(rolledBack ? undefined : true);
      client = undefined;
    }
    const loadId = await recordFailedLoad(pool, { startedAt, source, ...failure });
    return {
      loadId,
      status: 'failed',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      durationMs: performance.now() - t0,
      files: [],
      totals: { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 },
      derivedDataMs: 0,
      derivedRefresh: null,
      rejectsFile: null,
      warnings,
      message: failure.message,
      detail: failure.detail ?? undefined,
    };
  } finally {
    signal?.removeEventListener('abort', cancel);
    await input?.cleanup().catch(() => undefined);
    client?.release();
    await pool.end();
  }
}

async function loadOneFile(
  client: PoolClient,
  loadId: number,
  file: LoadFile,
  index: number,
  progress: ProgressReporter,
  options: InternalLoadOptions,
  captureChanges: boolean,
): Promise<FileSummary> {
  const hide = hidingFolder(options.privateFolder);
  const state = {
    file: hide(file.name),
    kind: file.kind,
    fileIndex: index + 1,
    bytesTotal: file.size,
    startedAt: performance.now(),
  };
  progress.file(state, 'reading', 0, 0);
  const loaded = await loadFile({
    client,
    loadId,
    file,
    progress,
    state,
    signal: options.signal,
    bulk: options.bulk ?? 'auto',
    captureChanges,
    currentYear: options.currentYear,
  });
  const summary = hideInFileWords(hide, loaded);
  progress.file(state, 'file-done', summary.read, file.size, summary);
  return summary;
}
