// What lies in the inbox: drops, and whether each is complete.
//
// A drop is one export: a folder directly under the inbox (`2026-01-07/` holding the CSVs or the
// NDJSON files), a `.zip` file, or the loose export files at the inbox's top level taken together.
// `done/`, `failed/` and `processing/` are the inbox's own, and names starting with `.` are hidden.
//
// "Complete" (the rule README's "The watched inbox" states):
//   1. a drop holding a `.ready` file (for loose files or a zip: `<inbox>/.ready`, `<name>.zip.ready`) is complete
//      as soon as the marker is there: the job that writes the drop writes the marker last;
//   2. without a marker, a drop is complete once none of its files has changed for the settle time
//      (INBOX_SETTLE_SECONDS): same names, sizes and modification times at a look made at least
//      that long after the first look that saw them so. Comparing sizes too catches a copy that
//      keeps the source's old modification times while it is still being written.

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export const INBOX_FOLDERS = { done: 'done', failed: 'failed', processing: 'processing' } as const;
export const READY_MARKER = '.ready';
export const LOOSE_FILES_DROP = 'files';

export interface InboxDrop {
  /** The drop's name in the inbox (folder or zip name; `files` for loose files). */
  name: string;
  kind: 'folder' | 'zip' | 'files';
  /** The paths that make the drop (the folder, the zip, or each loose file). */
  paths: string[];
  /** Names, sizes and modification times of every file: changes while the drop is written. */
  signature: string;
  /** The latest modification time of its files (ms): the drop's age, for the order. */
  newestMs: number;
  ready: boolean;
  /** The marker file to remove with the drop, if any. */
  marker: string | null;
}

interface FileStamp {
  name: string;
  size: number;
  mtimeMs: number;
}

async function stampsOf(dir: string, prefix = ''): Promise<FileStamp[]> {
  const stamps: FileStamp[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) stamps.push(...(await stampsOf(full, `${prefix}${entry.name}/`)));
    else if (entry.isFile()) {
      const info = await stat(full);
      stamps.push({ name: `${prefix}${entry.name}`, size: info.size, mtimeMs: info.mtimeMs });
    }
  }
  return stamps;
}

function dropOf(
  name: string,
  kind: InboxDrop['kind'],
  paths: string[],
  stamps: FileStamp[],
  marker: string | null,
): InboxDrop {
  const sorted = [...stamps].sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    name,
    kind,
    paths,
    signature: sorted.map((s) => `${s.name}:${s.size}:${s.mtimeMs}`).join('|'),
    newestMs: Math.max(0, ...stamps.map((s) => s.mtimeMs)),
    ready: marker !== null,
    marker,
  };
}

/** The drops in the inbox, oldest first (by their newest file, then by name). */
export async function listDrops(inbox: string): Promise<InboxDrop[]> {
  const entries = await readdir(inbox, { withFileTypes: true });
  const names = new Set(entries.map((e) => e.name));
  const own = new Set<string>(Object.values(INBOX_FOLDERS));
  const drops: InboxDrop[] = [];
  const loose: FileStamp[] = [];
  const loosePaths: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || own.has(entry.name)) continue;
    const full = path.join(inbox, entry.name);
    if (entry.isDirectory()) {
      const stamps = (await stampsOf(full)).filter((s) => s.name !== READY_MARKER);
      const marker = names.has(`${entry.name}${READY_MARKER}`)
        ? path.join(inbox, `${entry.name}${READY_MARKER}`)
        : (await stat(path.join(full, READY_MARKER)).catch(() => null)) !== null
          ? path.join(full, READY_MARKER)
          : null;
      if (stamps.length > 0) drops.push(dropOf(entry.name, 'folder', [full], stamps, marker));
    } else if (entry.isFile() && entry.name.endsWith(READY_MARKER)) {
      continue;
    } else if (entry.isFile()) {
      const info = await stat(full);
      const stamp = { name: entry.name, size: info.size, mtimeMs: info.mtimeMs };
      if (/\.zip$/i.test(entry.name)) {
        const marker = names.has(`${entry.name}${READY_MARKER}`)
          ? path.join(inbox, `${entry.name}${READY_MARKER}`)
          : null;
        drops.push(dropOf(entry.name, 'zip', [full], [stamp], marker));
      } else {
        loose.push(stamp);
        loosePaths.push(full);
      }
    }
  }
  if (loose.length > 0) {
    const marker = names.has(READY_MARKER) ? path.join(inbox, READY_MARKER) : null;
    drops.push(dropOf(LOOSE_FILES_DROP, 'files', loosePaths.sort(), loose, marker));
  }
  return drops.sort((a, b) => a.newestMs - b.newestMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Remembers what each drop looked like, to tell a finished drop from one still being written. */
export class SettleTracker {
  private readonly seen = new Map<string, { signature: string; sinceMs: number }>();

  constructor(private readonly settleMs: number) {}

  /** Whether the drop is complete now (rule 1 or 2 above); records this look. */
  isComplete(drop: InboxDrop, nowMs: number): boolean {
    if (drop.ready) return true;
    const before = this.seen.get(drop.name);
    if (before === undefined || before.signature !== drop.signature) {
      this.seen.set(drop.name, { signature: drop.signature, sinceMs: nowMs });
      return false;
    }
    return nowMs - before.sinceMs >= this.settleMs && nowMs - drop.newestMs >= this.settleMs;
  }

  forget(name: string): void {
    this.seen.delete(name);
  }
}
