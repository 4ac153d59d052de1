// Rules that tie a participant's activity to their episodes and attendance. They run after the
// "must exist" checks, on the rows that passed them.

import { STAGE } from '../tables';
import { type DatabaseCheck, NOT_REJECTED, sqlText } from './check';

const NO_EPISODE_AT_SESSION =
  'the participant has no episode whose window (admission to discharge, or still open) covers the session date';
const NO_ATTENDANCE_ROW =
  'there is no attendance row for this participant at this session; feedback needs one with status present, late or left_early';
const NOT_ATTENDED =
  "the participant's attendance at this session is not present, late or left_early, which feedback needs";
const NO_ADMISSION_BEFORE = 'the participant has no episode admitted on or before the report date';

export const attendanceInsideAnEpisode: DatabaseCheck = {
  name: 'attendance inside an episode',
  sql: `SELECT s.line, 'participant_id' AS column_name, s.participant_id::text AS value,
               ${sqlText(NO_EPISODE_AT_SESSION)} AS reason, 'session date ' || g.session_date AS detail
        FROM ${STAGE} s JOIN group_session g ON g.session_id = s.session_id
        WHERE ${NOT_REJECTED}
          AND NOT EXISTS (
            SELECT 1 FROM enrollment e
            WHERE e.participant_id = s.participant_id AND e.admission_date <= g.session_date
              AND (e.discharge_date IS NULL OR e.discharge_date >= g.session_date))`,
};

export const feedbackOnlyWhenAttended: DatabaseCheck = {
  name: 'feedback only for attended sessions',
  sql: `SELECT s.line, 'participant_id' AS column_name, s.participant_id::text AS value,
               CASE WHEN a.status IS NULL THEN ${sqlText(NO_ATTENDANCE_ROW)} ELSE ${sqlText(NOT_ATTENDED)} END AS reason,
               'attendance status ' || a.status AS detail
        FROM ${STAGE} s
        LEFT JOIN attendance a ON a.session_id = s.session_id AND a.participant_id = s.participant_id
        WHERE ${NOT_REJECTED} AND (a.status IS NULL OR a.status NOT IN ('present', 'late', 'left_early'))`,
};

export const checkInAfterAnAdmission: DatabaseCheck = {
  name: 'check-in after an admission',
  sql: `SELECT s.line, 'participant_id' AS column_name, s.participant_id::text AS value,
               ${sqlText(NO_ADMISSION_BEFORE)} AS reason, 'report date ' || s.report_date AS detail
        FROM ${STAGE} s
        WHERE ${NOT_REJECTED}
          AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.participant_id = s.participant_id AND e.admission_date <= s.report_date)`,
};
