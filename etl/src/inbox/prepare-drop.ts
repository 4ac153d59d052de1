// The one step between a drop and the loader: what the drop's files are, and how the loader is to
// read them. A FHIR bulk export and the contract's own files load as they are (the loader converts
// FHIR, ../fhir, and unpacks a .zip); files in a program's own shape load through the saved
// mapping profile that matches their headers (../mapping), as an upload of them would.

import { fileKindOf } from '../contract/file-kinds';
import { withClient } from '@iop/db';
import { isFhirExport } from '../fhir/ndjson';
import { findProfileForFiles, type StoredProfile } from '../mapping/profile-store';
import { sourceFilesOf } from '../mapping/load-with-profile';

export interface PreparedDrop {
  /** What the loader reads. */
  paths: string[];
  /** What the drop was found to be, for the load's record. */
  format: string;
  /** The saved profile that maps the drop's files onto the contract, when they need one. */
  profile: StoredProfile | null;
}

export async function prepareDropFiles(databaseUrl: string, paths: readonly string[]): Promise<PreparedDrop> {
  const as = (format: string, profile: StoredProfile | null = null): PreparedDrop => ({
    paths: [...paths],
    format,
    profile,
  });
  if (await isFhirExport(paths)) return as('FHIR bulk export');
  const sources = await sourceFilesOf(paths);
  if (sources.some((file) => fileKindOf(file) === null)) {
    const stored = await withClient(databaseUrl, (client) => findProfileForFiles(client, sources));
    // Without a profile, the loader refuses the files it does not know, each with its reason.
    if (stored !== null) return as(`mapping profile "${stored.name}" version ${stored.version}`, stored);
  }
  return as(paths.some((p) => /\.zip$/i.test(p)) ? 'zip' : 'contract CSV files');
}
