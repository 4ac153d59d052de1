import { parseBoolean } from '../values';
import { date, defaulted, integer, key, optional, required, score } from './columns';
import type { KindRules, PartialRow, RowProblems } from './types';

/** A participant's self-reported check-in. */
export type SobrietyRow = {
  participant_id: string;
  report_date: string;
  days_used: number;
  window_days: number;
  craving: number | null;
  goal_met: boolean | null;
};

export const DEFAULT_WINDOW_DAYS = 7;
export const MAX_WINDOW_DAYS = 30;

function checkDaysFitWindow(row: PartialRow<SobrietyRow>, problems: RowProblems<SobrietyRow>): void {
  const { days_used, window_days } = row;
  if (days_used === null || window_days === null || days_used <= window_days) return;
  // When window_days was left empty the 7 is ours, not the file's: say where it came from.
  const defaulted = window_days === DEFAULT_WINDOW_DAYS && !problems.isWritten('window_days');
  const source = defaulted ? ` (the default when window_days is empty)` : '';
  problems.add(
    'days_used',
    `days_used is more than window_days${source}`,
    `days_used ${days_used}, window_days ${window_days}`,
  );
}

export const SOBRIETY_RULES: KindRules<SobrietyRow> = {
  columns: {
    participant_id: required(key),
    report_date: required(date),
    // Bounded by the largest window here; the row's own window is checked across columns.
    days_used: required(integer(0, MAX_WINDOW_DAYS)),
    window_days: defaulted(integer(1, MAX_WINDOW_DAYS), DEFAULT_WINDOW_DAYS),
    craving: optional(score),
    goal_met: optional(parseBoolean),
  },
  check: checkDaysFitWindow,
};
