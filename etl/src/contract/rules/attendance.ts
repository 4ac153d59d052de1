import { ATTENDANCE_STATUSES, ATTENDED_STATUSES, type AttendanceStatus } from '../vocabularies';
import { integer, key, optional, required } from './columns';
import type { KindRules, PartialRow, RowProblems } from './types';

/** One participant on one session's roster, present or not. */
export type AttendanceRow = {
  session_id: string;
  participant_id: string;
  status: AttendanceStatus;
  minutes_attended: number | null;
};

// The contract is silent on status against minutes. A row that says both "absent" and "45 minutes"
// (or "present" and 0 minutes) contradicts itself, and either reading would skew attendance or dose
// figures, so it is refused rather than guessed. Unknown minutes are written as an empty field.
function checkMinutesAgreeWithStatus(row: PartialRow<AttendanceRow>, problems: RowProblems<AttendanceRow>): void {
  const { status, minutes_attended } = row;
  if (status === null || minutes_attended === null) return;
  const attended = ATTENDED_STATUSES.has(status);
  if (!attended && minutes_attended > 0) {
    problems.add(
      'minutes_attended',
      'minutes_attended is more than 0 but the status says the participant was not there (absent or excused), so they attended 0 minutes',
      `minutes_attended ${minutes_attended}, status ${status}`,
    );
  } else if (attended && minutes_attended === 0) {
    problems.add(
      'minutes_attended',
      'minutes_attended is 0 but the status says the participant attended; leave minutes_attended empty if the minutes are not known',
      `status ${status}`,
    );
  }
}

export const ATTENDANCE_RULES: KindRules<AttendanceRow> = {
  columns: {
    session_id: required(key),
    participant_id: required(key),
    status: required(ATTENDANCE_STATUSES.parse),
    minutes_attended: optional(integer(0, 480)),
  },
  check: checkMinutesAgreeWithStatus,
};
