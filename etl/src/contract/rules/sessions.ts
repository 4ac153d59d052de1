import { date, integer, key, optional, required, text } from './columns';
import type { KindRules } from './types';

/** One meeting of a group. */
export type SessionRow = {
  session_id: string;
  group_id: string;
  session_date: string;
  duration_minutes: number | null;
  topic: string | null;
};

export const SESSION_RULES: KindRules<SessionRow> = {
  columns: {
    session_id: required(key),
    group_id: required(key),
    session_date: required(date),
    duration_minutes: optional(integer(15, 480)),
    // "Up to 200 chars": an empty topic is simply missing (null).
    topic: optional(text(0, 200)),
  },
};
