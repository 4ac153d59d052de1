// One file of a load, inside the load's transaction and a savepoint of its own: stage, check,
// upsert. A file refused on the way (header, CSV, encoding, compression) is rolled back to the
// savepoint, so nothing of it stays, and the load goes on with the next file.

import type { PoolClient } from 'pg';
import type { BulkPolicy } from './bulk-mode';
import { unknownFileKindMessage } from '../contract';
import { countRejectedLines, indexStageForChecks, runChecks } from './checks';
import type { LoadFile } from './discover-files';
import { FileRefusedError, LoadCancelledError } from './errors';
import { pauseHere, shouldPause } from './pause-hook';
import type { FileProgressState, ProgressReporter } from './progress';
import { RejectSpool } from './reject-spool';
import { addMappingRejects } from './mapping-rejects';
import { sampleRejects } from './rejects';
import { createStagingTables, dropStagingTables, stageFile } from './staging';
import { STAGE, tableOf } from './tables';
import type { FileSummary } from './types';
import { upsert } from './upsert';

export interface FileContext {
  client: PoolClient;
  loadId: number;
  file: LoadFile;
  progress: ProgressReporter;
  state: FileProgressState;
  signal?: AbortSignal;
  bulk: BulkPolicy;
  /** Whether the upserts record their changes for an incremental refresh (change-capture.ts). */
  captureChanges: boolean;
  /** For tests: the year birth_year is bounded by. */
  currentYear?: number;
}

const SAVEPOINT = 'etl_file';
/** The ignored columns a warning names; the rest are counted. */
const MAX_NAMED_COLUMNS = 10;

function emptySummary(file: LoadFile): FileSummary {
  return {
    file: file.name,
    path: file.path,
    kind: file.kind,
    status: 'loaded',
    read: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    durationMs: 0,
    bulk: false,
    phaseMs: { copy: 0, check: 0, upsert: 0 },
    warnings: [],
    sampleRejects: [],
  };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new LoadCancelledError();
}

export async function loadFile(context: FileContext): Promise<FileSummary> {
  const { client, loadId, file, progress, state, signal } = context;
  const summary = emptySummary(file);
  const started = performance.now();
  const done = (): FileSummary => ({ ...summary, durationMs: performance.now() - started });

  if (file.kind === null) {
    return refused(done(), unknownFileKindMessage(file.name), null);
  }
  const kind = file.kind;
  const spec = tableOf(kind);
  const rejects = new RejectSpool(loadId, file.name);
  await client.query(`SAVEPOINT ${SAVEPOINT}`);
  try {
    await createStagingTables(client, spec);
    const staged = await stageFile(client, file, spec, {
      rejects,
      signal,
      currentYear: context.currentYear,
      onRows: (rows, bytes) => progress.file(state, 'reading', rows, bytes),
    });
    const unmapped = await addMappingRejects(rejects, file.mappingRejects);
    summary.read = staged.rowsRead + unmapped;
    const ignored = staged.header.ignoredColumns;
    if (ignored.length > 0) {
      // JSON quoting shows control characters in a name as escapes (a NUL cannot even be stored);
      // an export with thousands of extra columns gets a warning of one line, not of thousands.
      // The names go into the detail: a file without a header row has values there.
      const names = ignored.slice(0, MAX_NAMED_COLUMNS).map((c) => JSON.stringify(c));
      if (ignored.length > MAX_NAMED_COLUMNS) names.push(`and ${ignored.length - MAX_NAMED_COLUMNS} more`);
      summary.warnings.push(
        `ignored ${ignored.length === 1 ? 'a column' : `${ignored.length} columns`} not in the contract`,
      );
      summary.detail = `ignored: ${names.join(', ')}`;
    }
    await rejects.copyInto(client);
    const copied = performance.now();
    summary.phaseMs.copy = copied - started;

    progress.file(state, 'checking', staged.rowsRead, file.size);
    // The planner knows nothing of a table created a moment ago; the checks join it with the
    // real tables, and a wrong row estimate turns a hash join into millions of index probes.
    await indexStageForChecks(client, kind);
    await client.query(`ANALYZE ${STAGE}`);
    await runChecks(client, kind, loadId, file.name, () => throwIfAborted(signal));
    const rejectedByChecks = await countRejectedLines(client);
    const checked = performance.now();
    summary.phaseMs.check = checked - copied;

    throwIfAborted(signal);
    progress.file(state, 'upserting', staged.rowsRead, file.size);
    const written = await upsert(client, spec, context.bulk, staged.rowsStaged, context.captureChanges);
    summary.bulk = written.bulk;
    summary.phaseMs.upsert = performance.now() - checked;
    if (shouldPause('upsert', kind)) await pauseHere('upsert', file.name);

    await dropStagingTables(client);
    await client.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);

    summary.inserted = written.inserted;
    summary.updated = written.updated;
    summary.rejected = staged.rowsRejected + rejectedByChecks + unmapped;
    summary.unchanged = staged.rowsStaged - rejectedByChecks - written.inserted - written.updated;
    if (summary.rejected > 0) summary.sampleRejects = await sampleRejects(client, loadId, file.name);
    return done();
  } catch (error) {
    await rejects.discard();
    if (!(error instanceof FileRefusedError)) throw error;
    // Back to before the file: its staging tables, rejects and any rows are gone.
    await client.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    await client.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
    return refused(done(), error.message, error.detail);
  }
}

/** A refused file stores nothing, so it counts nothing either. */
function refused(summary: FileSummary, message: string, detail: string | null): FileSummary {
  return {
    ...summary,
    status: 'refused',
    message,
    detail: detail ?? undefined,
    read: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    bulk: false,
    phaseMs: { copy: 0, check: 0, upsert: 0 },
    warnings: [],
    sampleRejects: [],
  };
}
