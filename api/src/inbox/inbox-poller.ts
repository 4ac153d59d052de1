import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InboxWatcher, type DropOutcome } from '@iop/etl';
import { DATABASE_URL } from '../database/database-url';
import { INBOX_SETTINGS, type InboxSettings } from './inbox-settings';

/**
 * The watched inbox inside the API server: polls INBOX_DIR every INBOX_POLL_SECONDS and loads the
 * complete drops one at a time, oldest first (etl/src/inbox). The loader's lock keeps these loads
 * apart from uploads and command-line loads; the load history shows each as "inbox drop …".
 * Stopping the server rolls a load in progress back; its drop goes back into the inbox at the next
 * start.
 */
@Injectable()
export class InboxPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Inbox');
  private readonly stopping = new AbortController();
  private readonly watcher: InboxWatcher;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(INBOX_SETTINGS) private readonly settings: InboxSettings,
    @Inject(DATABASE_URL) databaseUrl: string,
  ) {
    this.watcher = new InboxWatcher(databaseUrl, settings.inbox.dir, {
      fhir: settings.fhir,
      settleSeconds: settings.inbox.settleSeconds,
      signal: this.stopping.signal,
      onDrop: (outcome) => this.report(outcome),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const requeued = await this.watcher.start();
    for (const back of requeued) this.logger.warn(`Back in the inbox after an interrupted load: ${back}`);
    this.logger.log(`Watching the inbox ${this.settings.inbox.dir}`);
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.stopping.abort();
    await this.watcher.idle();
  }

  private schedule(): void {
    if (this.stopping.signal.aborted) return;
    this.timer = setTimeout(() => void this.tick(), this.settings.inbox.pollSeconds * 1000);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.watcher.poll();
    } catch (error) {
      // An unreadable inbox (removed, permissions) is said and tried again at the next poll.
      this.logger.error(`The inbox could not be read: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.schedule();
    }
  }

  private report(outcome: DropOutcome): void {
    const load = outcome.summary?.loadId ?? '-';
    if (outcome.result === 'done') this.logger.log(`Loaded drop ${outcome.drop} (load ${load}) → done/`);
    else this.logger.warn(`Drop ${outcome.drop} failed (load ${load}) → failed/: ${outcome.reason}`);
  }
}
