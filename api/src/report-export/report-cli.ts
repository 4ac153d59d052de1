import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommanderError, Option } from 'commander';
import { loadConfig, migrate, startDatabaseServer } from '@iop/db';
import { DatabaseModule } from '../database/database.module';
import { OutcomeReportModule } from '../outcome-report/outcome-report.module';
import { OutcomeReportService } from '../outcome-report/outcome-report.service';
import { toReportCsv } from './report-csv';
import { DEFAULT_PROGRAM_NAME, renderReportPdf } from './report-pdf';
import { parseReportQuery } from './report-query';

interface CliOptions {
  from: string;
  to: string;
  sites?: string;
  asOf?: string;
  format: 'pdf' | 'csv';
  out: string;
  programName: string;
}

@Module({})
class ReportCliModule {
  static forUrl(url: string): DynamicModule {
    return { module: ReportCliModule, imports: [DatabaseModule.forUrl(url), OutcomeReportModule] };
  }
}

/**
 * `npm run report -- --from 2025-01-01 --to 2025-03-31 [--sites S1,S2] [--as-of …] --format pdf
 * --out q1.pdf`: the funder report for scheduled delivery, built without HTTP. No user is signed
 * in, so it covers every site unless --sites says otherwise; it is suppressed as always.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('npm run report --')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .description('Write the funder outcome report (small cells suppressed) as a PDF or CSV file')
    .requiredOption('--from <date>', 'first day of the period, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day of the period, YYYY-MM-DD')
    .option('--sites <ids>', 'comma-separated site IDs (default: every site)')
    .option('--as-of <date>', 'the date the analysis looks from (default: the latest date in the data)')
    .addOption(new Option('--format <format>', 'file format').choices(['pdf', 'csv']).makeOptionMandatory())
    .requiredOption('--out <file>', 'the file to write')
    .option('--program-name <name>', 'program name on every page of the PDF', DEFAULT_PROGRAM_NAME);
  let options: CliOptions;
  try {
    program.parse(argv, { from: 'user' });
    options = program.opts<CliOptions>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    throw error;
  }
  const parsed = parseReportQuery({ from: options.from, to: options.to, sites: options.sites, asOf: options.asOf });
  if ('problems' in parsed) {
    process.stderr.write(`Cannot make the report: ${parsed.problems.join('; ').replace(/\basOf\b/g, '--as-of')}.\n`);
    return 1;
  }

  const server = await startDatabaseServer(loadConfig(), (line) => process.stderr.write(`${line}\n`));
  try {
    await migrate(server.url);
    const app = await NestFactory.createApplicationContext(ReportCliModule.forUrl(server.url), { logger: ['error'] });
    try {
      const report = await app.get(OutcomeReportService).report(parsed.filter);
      const file =
        options.format === 'pdf'
          ? await renderReportPdf(report, { programName: options.programName })
          : Buffer.from(toReportCsv(report), 'utf8');
      const out = path.resolve(options.out);
      await writeFile(out, file);
      const { from, to, asOf } = report.periods;
      const hidden = report.figures.filter((f) => f.suppressed).length;
      process.stdout.write(
        `Wrote ${out} (${options.format.toUpperCase()}, ${file.length.toLocaleString('en-US')} bytes): ` +
          `${from} to ${to}, as of ${asOf}, ${report.siteIds?.join(', ') ?? 'all sites'}; ` +
          `${report.figures.length} figures, ${hidden} suppressed.\n`,
      );
      return 0;
    } finally {
      await app.close();
    }
  } catch (error) {
    process.stderr.write(`Cannot make the report: ${messageOf(error)}\n`);
    return 1;
  } finally {
    await server.stop();
  }
}

/** An error's message (fs errors may come from another realm, so not always `instanceof Error`). */
function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string')
    return error.message;
  return String(error);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
