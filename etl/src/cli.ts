// Command line of the loader: `npm run etl -- load <folder or files…>` (node etl/dist/cli.js), which
// also reads a FHIR bulk export (../../docs/FHIR_MAPPING.md) or a .zip, and `npm run etl -- inbox
// <dir> [--once]`, the watched inbox (./inbox): exit status 1 when a drop failed.
// Uses the same configuration as the API (DATABASE_URL, or the project's embedded Postgres) and
// applies pending migrations first. Progress and logs go to stderr; `--json` puts a machine-readable
// summary on stdout.
//
// Exit status: 0 everything loaded; 2 committed, but some rows or files were rejected; 1 the load
// failed and nothing of it was committed; 64 the command line was wrong.

import { setTimeout as sleep } from 'node:timers/promises';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { loadConfig, migrate, startDatabaseServer, withClient } from '@iop/db';
import { InboxWatcher, runInboxOnce, type DropOutcome } from './inbox';
import { readFile } from 'node:fs/promises';
import { loadFiles } from './load/load-files';
import { loadWithProfile } from './mapping/load-with-profile';
import { type MappingProfile, parseProfile } from './mapping/profile';
import { getProfile } from './mapping/profile-store';
import { loadHistory } from './load/load-record';
import { formatSummary } from './load/summary-report';
import { createProgressPrinter, type ProgressOutput } from './load/terminal-progress';
import type { BulkPolicy } from './load/bulk-mode';
import type { LoadStatus, LoadSummary } from './load/types';

export const EXIT_LOADED = 0;
export const EXIT_FAILED = 1;
export const EXIT_PARTIAL = 2;
export const EXIT_USAGE = 64;

export function exitCodeOf(status: LoadStatus): number {
  return status === 'succeeded' ? EXIT_LOADED : status === 'partial' ? EXIT_PARTIAL : EXIT_FAILED;
}

export interface CliStreams {
  stdout: ProgressOutput;
  stderr: ProgressOutput;
}

interface LoadCommandOptions {
  json?: boolean;
  quiet?: boolean;
  rejectsDir: string;
  bulk: BulkPolicy;
  profile?: string;
  profileFile?: string;
}

const BULK_POLICIES: readonly BulkPolicy[] = ['auto', 'off', 'always'];

function bulkPolicy(value: string): BulkPolicy {
  const policy = BULK_POLICIES.find((p) => p === value);
  if (policy === undefined) throw new InvalidArgumentError(`expected one of ${BULK_POLICIES.join(', ')}`);
  return policy;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || parsed < 1)
    throw new InvalidArgumentError('expected a whole number of at least 1');
  return parsed;
}

/** Starts the configured database (and migrates it) for the length of `work`. */
async function withDatabase<T>(log: (line: string) => void, work: (url: string) => Promise<T>): Promise<T> {
  const server = await startDatabaseServer(loadConfig(), log);
  try {
    const applied = await migrate(server.url);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
    return await work(server.url);
  } finally {
    await server.stop();
  }
}

/** Ctrl-C (or SIGTERM) rolls the load back; a second Ctrl-C exits at once. */
function abortOnSignals(controller: AbortController, log: (line: string) => void): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(130);
    log(`${signal}: rolling the load back… (press Ctrl-C again to exit at once)`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

async function runLoad(paths: string[], options: LoadCommandOptions, io: CliStreams): Promise<number> {
  const log = (line: string): void => {
    if (!options.quiet) io.stderr.write(`${line}\n`);
  };
  const controller = new AbortController();
  const stopListening = abortOnSignals(controller, (line) => io.stderr.write(`${line}\n`));
  let summary: LoadSummary;
  try {
    summary = await withDatabase(log, async (url) => {
      const loadOptions = {
        rejectsDir: options.rejectsDir,
        bulk: options.bulk,
        fhir: loadConfig().fhir,
        signal: controller.signal,
        onProgress: options.quiet ? undefined : createProgressPrinter(io.stderr),
      };
      const profile = await profileOf(url, options);
      return profile === null ? loadFiles(url, paths, loadOptions) : loadWithProfile(url, paths, profile, loadOptions);
    });
  } finally {
    stopListening();
  }
  // A failed load is always said, even with --quiet: the exit status alone does not say why.
  if (!options.quiet || summary.status === 'failed') io.stderr.write(formatSummary(summary));
  if (options.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  return exitCodeOf(summary.status);
}

async function runInbox(
  dir: string,
  options: { once?: boolean; quiet?: boolean; rejectsDir: string },
  io: CliStreams,
): Promise<number> {
  const log = (line: string): void => {
    if (!options.quiet) io.stderr.write(`${line}\n`);
  };
  const config = loadConfig();
  const settleSeconds = config.inbox?.settleSeconds ?? 60;
  const controller = new AbortController();
  const stopListening = abortOnSignals(controller, (line) => io.stderr.write(`${line}\n`));
  const inboxOptions = {
    fhir: config.fhir,
    rejectsDir: options.rejectsDir,
    settleSeconds,
    signal: controller.signal,
    onDrop: (outcome: DropOutcome) =>
      io.stderr.write(
        `${outcome.drop}: ${outcome.result}${outcome.reason === null ? '' : ` (${outcome.reason})`} → ${outcome.archivedAt}\n`,
      ),
  };
  let failed = false;
  try {
    await withDatabase(log, async (url) => {
      if (options.once) {
        const outcomes = await runInboxOnce(url, dir, inboxOptions);
        if (outcomes.length === 0) log('No complete drop in the inbox.');
        failed = outcomes.some((o) => o.result === 'failed');
        return;
      }
      const watcher = new InboxWatcher(url, dir, inboxOptions);
      for (const back of await watcher.start()) log(`Back in the inbox after an interrupted load: ${back}`);
      log(`Watching ${dir} (Ctrl-C to stop)`);
      const pollMs = (config.inbox?.pollSeconds ?? 30) * 1000;
      while (!controller.signal.aborted) {
        await watcher.poll();
        await sleep(pollMs, undefined, { signal: controller.signal }).catch(() => undefined);
      }
    });
  } finally {
    stopListening();
  }
  return failed ? EXIT_FAILED : EXIT_LOADED;
}

/** The mapping profile the command line names: saved in the database (--profile) or a file (--profile-file). */
async function profileOf(url: string, options: LoadCommandOptions): Promise<MappingProfile | null> {
  if (options.profileFile !== undefined) {
    let text: string;
    try {
      text = await readFile(options.profileFile, 'utf8');
    } catch {
      throw new Error(`cannot read the mapping profile file ${options.profileFile}`);
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw new Error(`${options.profileFile} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    return parseProfile(document);
  }
  if (options.profile === undefined) return null;
  const stored = await withClient(url, (client) => getProfile(client, options.profile!));
  if (stored === null) throw new Error(`there is no saved mapping profile named "${options.profile}"`);
  return stored.profile;
}

async function runHistory(limit: number, json: boolean, io: CliStreams): Promise<number> {
  const loads = await withDatabase(
    () => undefined,
    (url) => loadHistory(url, limit),
  );
  if (json) {
    io.stdout.write(`${JSON.stringify(loads, null, 2)}\n`);
    return EXIT_LOADED;
  }
  for (const load of loads) {
    io.stdout.write(
      `${load.loadId}\t${load.startedAt}\t${load.status}\t${load.read} read, ${load.inserted} inserted, ${load.updated} updated, ` +
        `${load.unchanged} unchanged, ${load.rejected} rejected\t${load.message ?? load.source}\n`,
    );
  }
  return EXIT_LOADED;
}

/** Runs the command line (`argv` without node and the script) and returns the exit status. */
export async function main(
  argv: readonly string[],
  io: CliStreams = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let result: Promise<number> = Promise.resolve(EXIT_USAGE);
  const program = new Command()
    .name('etl')
    .description('Load IOP program exports (the CSV files of the data contract) into the database')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  program
    .command('load')
    .description(
      'load a folder of CSV files, or the files given, in one transaction; a folder of FHIR bulk-export ' +
        'NDJSON files (or a bulk manifest.json) is read as docs/FHIR_MAPPING.md says',
    )
    .argument('<paths...>', 'folders and/or files (name.csv, name.csv.gz, name.xlsx, Type.ndjson, Type.ndjson.gz)')
    .option('--json', 'print a machine-readable summary on stdout')
    .option('-q, --quiet', 'no progress and no summary on stderr (errors still show)')
    .option('--rejects-dir <dir>', 'folder for the rejected-rows CSV', 'tmp/etl-rejects')
    .option(
      '--bulk <when>',
      'drop and re-validate constraints for large files (auto), never (off: readers are never blocked), or always',
      bulkPolicy,
      'auto',
    )
    .option('--profile <name>', 'map the files by the saved mapping profile of this name (see the Data page)')
    .option(
      '--profile-file <path>',
      'map the files by the mapping profile in this JSON file (exported from the Data page)',
    )
    .action((paths: string[], options: LoadCommandOptions) => {
      if (options.profile !== undefined && options.profileFile !== undefined) {
        io.stderr.write('etl: give --profile or --profile-file, not both\n');
        result = Promise.resolve(EXIT_USAGE);
        return;
      }
      result = runLoad(paths, options, io);
    });
  program
    .command('inbox')
    .description(
      'load the complete drops of a watched inbox folder, oldest first, moving each to done/ or failed/ ' +
        '(a drop is complete with a .ready marker, or unchanged for INBOX_SETTLE_SECONDS)',
    )
    .argument('<dir>', 'the inbox folder')
    .option('--once', 'one pass, then exit (otherwise keep watching)')
    .option('-q, --quiet', 'no progress on stderr (errors and each drop still show)')
    .option('--rejects-dir <dir>', 'folder for the rejected-rows CSV', 'tmp/etl-rejects')
    .action((dir: string, options: { once?: boolean; quiet?: boolean; rejectsDir: string }) => {
      result = runInbox(dir, options, io);
    });
  program
    .command('history')
    .description('list the latest loads')
    .option('--limit <n>', 'how many loads', positiveInteger, 20)
    .option('--json', 'print JSON on stdout')
    .action((options: { limit: number; json?: boolean }) => {
      result = runHistory(options.limit, options.json === true, io);
    });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_LOADED : EXIT_USAGE;
    throw error;
  }
  return result;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`etl: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT_FAILED;
    },
  );
}
