// What a load reads: the contract's CSV files as given, or files made from another format first
// (a FHIR bulk export, ../fhir/load-input.ts). Files made from another format are loaded like any
// other; the hooks below store what the conversion rejected and put the loader's rejects back onto
// the lines and elements of the original files.

import { prepareFhirInput } from '../fhir/load-input';
import { isFhirExport } from '../fhir/ndjson';
import { discoverFiles } from './discover-files';
import type { LoadOptions, PreparedInput } from './types';

export type { PreparedInput };
import { unpackZips } from './unzip-export';

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
