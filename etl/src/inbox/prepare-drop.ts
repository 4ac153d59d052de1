// The one step between a drop and the loader: what the drop's files are, and what the loader is
// given for them. Today a FHIR bulk export is loaded as FHIR (the loader converts it, ../fhir) and
// contract CSVs as they are. The mapping profiles (etl/src/mapping) are to be applied here: a drop
// whose files match a saved profile's header would be turned into contract CSVs in `workDir`.

import { isFhirExport } from '../fhir/ndjson';

export interface PreparedDrop {
  /** What the loader reads. */
  paths: string[];
  /** What the drop was found to be, for the load's record. */
  format: 'FHIR bulk export' | 'contract CSV files' | 'zip';
}

/**
 * Prepares a drop's files for the loader. `workDir` is a private folder for whatever this step
 * makes (removed with the drop's processing); today nothing needs it: the loader itself unpacks a
 * .zip and converts a FHIR export.
 */
export async function prepareDropFiles(paths: readonly string[], _workDir: string): Promise<PreparedDrop> {
  const zip = paths.some((p) => /\.zip$/i.test(p));
  const fhir = await isFhirExport(paths);
  return { paths: [...paths], format: fhir ? 'FHIR bulk export' : zip ? 'zip' : 'contract CSV files' };
}
