// One drop from claim to archive: moved into processing/ (a rename: two servers watching one inbox
// never load the same drop), loaded by the normal loader, then moved to done/ or failed/ with its
// load record (load.json) and, when it failed, the reason in words (REASON.txt).

import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadFiles } from '../load/load-files';
import { loadWithProfile } from '../mapping/load-with-profile';
import type { LoadOptions, LoadSummary } from '../load/types';
import { INBOX_FOLDERS, type InboxDrop } from './drops';
import { prepareDropFiles } from './prepare-drop';

export interface DropOutcome {
  drop: string;
  /** done or failed; requeued: stopped mid-load (the server stopping), back in the inbox untouched. */
  result: 'done' | 'failed' | 'requeued';
  /** Where the drop now is. */
  archivedAt: string;
  summary: LoadSummary | null;
  reason: string | null;
}

/** A name for the archive folder: when it was loaded, then the drop's own name. */
function archiveName(drop: InboxDrop, now: Date): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${drop.name}`;
}

const withDetail = (message: string, detail: string | undefined): string =>
  detail === undefined ? message : `${message} (${detail})`;

/**
 * Why a drop counts as failed, or null when it went in (perhaps with some rows rejected). For the
 * inbox's operator, beside the files: the particulars (a column's name) are said too.
 */
export function failureOf(summary: LoadSummary): string | null {
  if (summary.status === 'failed') return withDetail(summary.message ?? 'the load failed', summary.detail);
  if (summary.files.length > 0 && summary.files.every((f) => f.status === 'refused'))
    return `every file was refused: ${summary.files
      .map((f) => `${f.file}: ${withDetail(f.message ?? 'refused', f.detail)}`)
      .join('; ')}`;
  return null;
}

export async function processDrop(
  databaseUrl: string,
  inbox: string,
  drop: InboxDrop,
  options: Pick<LoadOptions, 'fhir' | 'signal' | 'rejectsDir'> = {},
): Promise<DropOutcome> {
  const now = new Date();
  const name = archiveName(drop, now);
  const processing = path.join(inbox, INBOX_FOLDERS.processing, name);
  await mkdir(processing, { recursive: true });
  // Claim the drop: loose files move one by one into the drop's folder, a folder or zip as a whole.
  for (const from of drop.paths) await rename(from, path.join(processing, path.basename(from)));
  if (drop.marker !== null) await rm(drop.marker, { force: true });

  const claimed = drop.paths.map((p) => path.join(processing, path.basename(p)));
  // Inside the claimed folder, so the load's words name it as the drop, never as a server path.
  const workDir = path.join(processing, '.work');
  await mkdir(workDir);
  let summary: LoadSummary | null = null;
  let reason: string | null;
  try {
    const prepared = await prepareDropFiles(databaseUrl, drop.kind === 'files' ? [processing] : claimed);
    const loadOptions = {
      ...options,
      source: `inbox drop ${drop.name} (${prepared.format})`,
      privateFolder: processing,
    };
    summary =
      prepared.profile === null
        ? await loadFiles(databaseUrl, prepared.paths, loadOptions)
        : await loadWithProfile(databaseUrl, prepared.paths, prepared.profile.profile, { ...loadOptions, workDir });
    reason = failureOf(summary);
  } catch (error) {
    reason = `the drop could not be read: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  if (options.signal?.aborted && summary?.status !== 'succeeded' && summary?.status !== 'partial') {
    // Rolled back because the server is stopping: the drop is not at fault, and is loaded next time.
    for (const [i, from] of claimed.entries()) await rename(from, drop.paths[i]!);
    if (drop.marker !== null) await writeFile(drop.marker, '');
    await rm(processing, { recursive: true, force: true });
    return { drop: drop.name, result: 'requeued', archivedAt: drop.paths[0]!, summary, reason: 'the load was stopped' };
  }
  const result = reason === null ? 'done' : 'failed';
  const archivedAt = path.join(inbox, INBOX_FOLDERS[result], name);
  await mkdir(path.dirname(archivedAt), { recursive: true });
  await writeFile(path.join(processing, 'load.json'), `${JSON.stringify(summary, null, 2)}\n`);
  if (reason !== null) await writeFile(path.join(processing, 'REASON.txt'), `${reason}\n`);
  await rename(processing, archivedAt);
  return { drop: drop.name, result, archivedAt, summary, reason };
}
