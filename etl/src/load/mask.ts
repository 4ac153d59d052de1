// Participant identifiers never reach a log in clear. Where a log line needs to tell rows apart it
// shows a keyed hash: stable within one process (so two lines about the same participant match),
// not reversible by hashing every plausible ID, because the key is random and never stored.

import { createHmac, randomBytes } from 'node:crypto';

const PROCESS_KEY = randomBytes(32);

export function maskParticipantId(id: string): string {
  return `participant#${createHmac('sha256', PROCESS_KEY).update(id).digest('hex').slice(0, 10)}`;
}

/** A reject's value as it may be logged: masked when the column holds a participant ID. */
export function maskRejectValue(column: string | null, value: string | null): string | null {
  if (value === null || column === null || !column.split(',').includes('participant_id')) return value;
  return maskParticipantId(value);
}

// Postgres quotes the offending input in some messages ('invalid input syntax for type date: "…"').
const QUOTED_INPUT = /(invalid input (?:syntax|value)[^:]*: )"(?:[^"]|"")*"/g;

/** A database error message with any quoted input value removed, for logs and etl_load.message. */
export function redactDatabaseMessage(message: string): string {
  return message.replace(QUOTED_INPUT, '$1"…"');
}
