// A load through a mapping profile: the sources are mapped into contract CSVs in a private folder
// (apply-profile.ts), the ordinary loader loads those, and the folder is removed.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { discoverFiles } from '../load/discover-files';
import { type InternalLoadOptions, loadFiles } from '../load/load-files';
import type { LoadSummary } from '../load/types';
import { applyProfile } from './apply-profile';
import type { MappingProfile } from './profile';

export interface ProfileLoadOptions extends InternalLoadOptions {
  /** Where the private mapping folder is made (default the system's temporary folder). */
  workDir?: string;
}

/** The source files of the folders and files given (the loader's own discovery, so the same files count). */
export async function sourceFilesOf(paths: readonly string[]): Promise<string[]> {
  return (await discoverFiles(paths)).files.map((file) => file.path);
}

/** Loads the folders and files given through the profile. Never throws for a failed load. */
export async function loadWithProfile(
  databaseUrl: string,
  paths: readonly string[],
  profile: MappingProfile,
  options: ProfileLoadOptions = {},
): Promise<LoadSummary> {
  const outDir = await mkdtemp(path.join(options.workDir ?? tmpdir(), 'iop-mapped-'));
  try {
    const sources = await sourceFilesOf(paths);
    const applied = await applyProfile(profile, sources, outDir);
    const summary = await loadFiles(databaseUrl, applied.paths.length > 0 ? applied.paths : paths, {
      ...options,
      source: options.source ?? `${paths.join(' ')} (mapping profile "${profile.name}")`,
      privateFolder: options.privateFolder,
      mappedFiles: applied.mapped,
    });
    summary.warnings.unshift(...applied.warnings);
    if (applied.details.length > 0) summary.detail = [summary.detail, ...applied.details].filter(Boolean).join('; ');
    return summary;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
