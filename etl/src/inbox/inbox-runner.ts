// Watching the inbox: every poll lists the drops, and loads the complete ones one at a time,
// oldest first. The loader's own lock keeps an inbox load from interleaving with an upload or a
// command-line load; a poll never starts while the previous one is still loading.

import { mkdir, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import type { LoadOptions } from '../load/types';
import { INBOX_FOLDERS, listDrops, SettleTracker, type InboxDrop } from './drops';
import { processDrop, type DropOutcome } from './process-drop';

export interface InboxOptions extends Pick<LoadOptions, 'fhir' | 'rejectsDir'> {
  /** How long a drop without a `.ready` marker must stay unchanged to count as complete. */
  settleSeconds: number;
  /** Told of each drop loaded (for logs). */
  onDrop?: (outcome: DropOutcome) => void;
  signal?: AbortSignal;
}

/**
 * A drop left in processing/ by a server that stopped mid-load was never committed (a load commits
 * whole or not at all): it goes back into the inbox to be loaded again.
 */
export async function requeueInterrupted(inbox: string): Promise<string[]> {
  const processing = path.join(inbox, INBOX_FOLDERS.processing);
  const names = await readdir(processing).catch(() => [] as string[]);
  const back: string[] = [];
  for (const name of names) {
    const from = path.join(processing, name);
    for (const entry of await readdir(from)) {
      if (entry === 'load.json' || entry === 'REASON.txt') continue;
      const to = path.join(inbox, entry);
      await rename(path.join(from, entry), to);
      back.push(to);
    }
  }
  return back;
}

async function loadComplete(
  databaseUrl: string,
  inbox: string,
  drops: readonly InboxDrop[],
  options: InboxOptions,
): Promise<DropOutcome[]> {
  const outcomes: DropOutcome[] = [];
  for (const drop of drops) {
    if (options.signal?.aborted) break;
    const outcome = await processDrop(databaseUrl, inbox, drop, options);
    options.onDrop?.(outcome);
    outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * One pass (`npm run etl -- inbox DIR --once`): two looks `gapMs` apart; a drop is complete when
 * it has its `.ready` marker, or when both looks saw it the same and its newest file is older
 * than the settle time.
 */
export async function runInboxOnce(
  databaseUrl: string,
  inbox: string,
  options: InboxOptions & { gapMs?: number },
): Promise<DropOutcome[]> {
  await ensureInbox(inbox);
  const first = new Map((await listDrops(inbox)).map((d) => [d.name, d.signature]));
  await new Promise((resolve) => setTimeout(resolve, options.gapMs ?? 2000));
  const now = Date.now();
  const complete = (await listDrops(inbox)).filter(
    (d) => d.ready || (first.get(d.name) === d.signature && now - d.newestMs >= options.settleSeconds * 1000),
  );
  return loadComplete(databaseUrl, inbox, complete, options);
}

export async function ensureInbox(inbox: string): Promise<void> {
  for (const folder of Object.values(INBOX_FOLDERS)) await mkdir(path.join(inbox, folder), { recursive: true });
}

/** The watcher the API server runs (api/src/inbox): `poll()` on a timer, never two at once. */
export class InboxWatcher {
  private readonly tracker: SettleTracker;
  private running: Promise<DropOutcome[]> | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly inbox: string,
    private readonly options: InboxOptions,
  ) {
    this.tracker = new SettleTracker(options.settleSeconds * 1000);
  }

  async start(): Promise<string[]> {
    await ensureInbox(this.inbox);
    return requeueInterrupted(this.inbox);
  }

  /** Loads the drops complete now; a call while a poll runs returns that poll's outcome. */
  poll(nowMs = Date.now()): Promise<DropOutcome[]> {
    this.running ??= this.pollOnce(nowMs).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pollOnce(nowMs: number): Promise<DropOutcome[]> {
    const complete = (await listDrops(this.inbox)).filter((drop) => this.tracker.isComplete(drop, nowMs));
    for (const drop of complete) this.tracker.forget(drop.name);
    return loadComplete(this.databaseUrl, this.inbox, complete, this.options);
  }

  /** Waits for a poll in progress (a load is rolled back by aborting the options' signal). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }
}
