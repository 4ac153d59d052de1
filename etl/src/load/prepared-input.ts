// What a load reads: the contract's CSV files as given, or files made from another format first
// (a FHIR bulk export, ../fhir/load-input.ts). Files made from another format are loaded like any
// other; the hooks below store what the conversion rejected and put the loader's rejects back onto
// the lines and elements of the original files.

import type { PoolClient } from 'pg';
import { prepareFhirInput } from '../fhir/load-input';
import { isFhirExport } from '../fhir/ndjson';
import { discoverFiles, type LoadFile } from './discover-files';
import type { FileSummary, LoadOptions } from './types';
import { unpackZips } from './unzip-export';

export interface PreparedInput {
  files: LoadFile[];
  /** Load-wide remarks about the input (files left alone, resources not read). */
  warnings: string[];
  /** Once the load's record exists: stores the rejects found while preparing. */
  recordPrepared(client: PoolClient, loadId: number): Promise<void>;
  /** After each file: its summary as the load reports it. */
  afterFile(client: PoolClient, loadId: number, summary: FileSummary): Promise<FileSummary>;
  /** Summaries of what is rejected but belongs to no contract file (unreadable lines). */
  extraSummaries(): FileSummary[];
  /** Removes whatever was made; called once the load is over, whatever became of it. */
  cleanup(): Promise<void>;
}

const IGNORED_CSV = 'not a .csv, .csv.gz or .xlsx file';

/**
 * The files of a load: zips unpacked, then CSV as given, or a FHIR export (NDJSON files, a bulk
 * manifest) converted.
 */
export async function prepareInput(given: readonly string[], options: LoadOptions): Promise<PreparedInput> {
  const unpacked = await unpackZips(given);
  try {
    const input = await prepareFiles(unpacked.paths, options);
    return {
      ...input,
      cleanup: async () => {
        await input.cleanup();
        await unpacked.cleanup();
      },
    };
  } catch (error) {
    await unpacked.cleanup();
    throw error;
  }
}

async function prepareFiles(paths: readonly string[], options: LoadOptions): Promise<PreparedInput> {
  if (await isFhirExport(paths)) return prepareFhirInput(paths, options.fhir ?? {});
  const discovered = await discoverFiles(paths);
  return {
    files: discovered.files,
    warnings: discovered.ignored.map((ignored) => `ignored ${ignored}: ${IGNORED_CSV}`),
    recordPrepared: async () => undefined,
    afterFile: async (_client, _loadId, summary) => summary,
    extraSummaries: () => [],
    cleanup: async () => undefined,
  };
}
