import type { AppConfig } from '@iop/db';

/** The inbox part of the configuration (INBOX_DIR …), with how FHIR drops are read. */
export interface InboxSettings {
  inbox: NonNullable<AppConfig['inbox']>;
  fhir: AppConfig['fhir'];
}

export const INBOX_SETTINGS = Symbol('INBOX_SETTINGS');
