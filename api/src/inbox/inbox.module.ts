import { DynamicModule, Module } from '@nestjs/common';
import { InboxPoller } from './inbox-poller';
import { INBOX_SETTINGS, type InboxSettings } from './inbox-settings';

/** The watched inbox, present when INBOX_DIR is set. */
@Module({})
export class InboxModule {
  static forSettings(settings: InboxSettings): DynamicModule {
    return { module: InboxModule, providers: [{ provide: INBOX_SETTINGS, useValue: settings }, InboxPoller] };
  }
}
