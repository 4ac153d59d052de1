// Rules that tie a participant's activity to their episodes and attendance. They run after the
// "must exist" checks, on the rows that passed them.

import { STAGE } from '../tables';
import { type DatabaseCheck, NOT_REJECTED } from './check';

export const attendanceInsideAnEpisode: DatabaseCheck = {
  name: 'attendance inside an episode',
  sql: `SELECT s.line, 'participant_id' AS column_name, s.participant_id::text AS value,
               'the participant has no episode whose window (admission to discharge, or still open) covers the session date ' ||
               g.session_date AS reason
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
               CASE WHEN a.status IS NULL
                    THEN 'there is no attendance row for this participant at this session; feedback needs one with status present, late or left_early'
                    ELSE 'the participant''s attendance at this session is ' || a.status || '; feedback needs status present, late or left_early'
               END AS reason
        FROM ${STAGE} s
        LEFT JOIN attendance a ON a.session_id = s.session_id AND a.participant_id = s.participant_id
        WHERE ${NOT_REJECTED} AND (a.status IS NULL OR a.status NOT IN ('present', 'late', 'left_early'))`,
};

export const checkInAfterAnAdmission: DatabaseCheck = {
  name: 'check-in after an admission',
  sql: `SELECT s.line, 'participant_id' AS column_name, s.participant_id::text AS value,
               'the participant has no episode admitted on or before the report date ' || s.report_date AS reason
        FROM ${STAGE} s
        WHERE ${NOT_REJECTED}
          AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.participant_id = s.participant_id AND e.admission_date <= s.report_date)`,
};
