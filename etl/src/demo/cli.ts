// Command line for the demo data: `node etl/dist/demo/cli.js --out DIR [--participants N]
// [--seed S] [--end YYYY-MM-DD]`. The summary goes to stderr so stdout stays free for piping.

import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_END_DATE, generateDemoData, type DemoProgress, type DemoSummary } from './generate';
import { parseIsoDay } from './calendar';
import { DEMO_FILE_KINDS } from './vocabulary';

export interface CliOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

function parseWholeNumber(min: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < min) {
      throw new InvalidArgumentError(`expected a whole number of at least ${min}`);
    }
    return parsed;
  };
}

function parseEndDate(value: string): string {
  try {
    parseIsoDay(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
  return value;
}

export function formatSummary(summary: DemoSummary, elapsedMs: number): string {
  const width = Math.max(...DEMO_FILE_KINDS.map((kind) => `${kind}.csv`.length));
  const lines = [
    `Demo data for ${summary.participants} participants (seed ${summary.seed}), ${summary.startDate} to ${summary.endDate}, in ${summary.outDir}`,
    ...DEMO_FILE_KINDS.map(
      (kind) => `  ${`${kind}.csv`.padEnd(width)}  ${String(summary.rows[kind]).padStart(10)} rows`,
    ),
    `Done in ${(elapsedMs / 1000).toFixed(1)} s`,
  ];
  return lines.join('\n') + '\n';
}

/** Parses argv (as process.argv: node, script, options…), writes the files, reports to stderr. */
export async function main(
  argv: readonly string[] = process.argv.slice(2),
  stderr: CliOutput = process.stderr,
): Promise<DemoSummary> {
  const program = new Command()
    .name('demo-data')
    .description('Write a deterministic synthetic IOP data set as the eight CSV files of the data contract')
    .requiredOption('--out <dir>', 'folder to write the CSV files into (created if missing)')
    .option('--participants <n>', 'number of participants', parseWholeNumber(1), 2000)
    .option(
      '--seed <s>',
      'random seed; the same seed gives the same bytes',
      parseWholeNumber(Number.MIN_SAFE_INTEGER),
      1,
    )
    .option('--end <date>', 'last day of the year of data (YYYY-MM-DD)', parseEndDate, DEFAULT_END_DATE)
    .exitOverride()
    .configureOutput({ writeErr: (text) => stderr.write(text) })
    .parse([...argv], { from: 'user' });
  const options = program.opts<{ out: string; participants: number; seed: number; end: string }>();

  const started = Date.now();
  let lastStage = '';
  const onProgress = (progress: DemoProgress): void => {
    // One line per stage, and a running count on a terminal only, so logs stay short.
    if (stderr.isTTY && progress.stage === 'activity') {
      stderr.write(
        `\r  participants ${progress.done}/${progress.total}${progress.done === progress.total ? '\n' : ''}`,
      );
    } else if (progress.stage !== lastStage) {
      stderr.write(`  ${progress.stage}…\n`);
    }
    lastStage = progress.stage;
  };
  const summary = await generateDemoData({
    outDir: options.out,
    participants: options.participants,
    seed: options.seed,
    endDate: options.end,
    onProgress,
  });
  stderr.write(formatSummary(summary, Date.now() - started));
  return summary;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    // Commander has already printed its own usage errors.
    const alreadyReported =
      typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('commander.');
    if (!alreadyReported)
      process.stderr.write(`demo-data: ${error instanceof Error ? error.message : String(error)}\n`);
    const exitCode =
      typeof error === 'object' && error !== null && 'exitCode' in error && typeof error.exitCode === 'number'
        ? error.exitCode
        : 1;
    process.exitCode = exitCode;
  });
}
