// A load never deletes stored rows, so a row that changes stored data must leave the stored rows
// that depend on it valid under the contract:
//   - an episode whose dates (or participant) change must still leave every stored attendance row
//     of its participant inside some episode, and every stored check-in after some admission;
//   - a session whose date changes must still fall inside an episode of each participant stored
//     on its roster;
//   - an attendance row may not lose its attended status while the participant's feedback on that
//     session is stored.
// Otherwise the row is rejected with a fixed reason, and a detail naming the stored rows it would
// strand (participants, dates, counts: directors only). Only rows that change the stored values are
// looked at, so reloading unchanged files costs little here (see moved).

import { STAGE } from '../tables';
import { type DatabaseCheck, NOT_REJECTED, notRejected, sqlText } from './check';

const KEEP = '; a load never deletes stored rows, so they must stay valid';
const EPISODE_STRANDS_ATTENDANCE = `changing the episode (its dates or participant) would leave stored attendance of its participant outside every episode${KEEP}`;
const EPISODE_STRANDS_CHECK_INS = `changing the episode (its dates or participant) would leave stored check-ins of its participant before every admission${KEEP}`;
const SESSION_STRANDS_ATTENDANCE = `moving the session would leave stored attendance of participants outside their episodes${KEEP}`;
const ATTENDANCE_STRANDS_FEEDBACK = `the participant's feedback on this session is stored, so the attendance must stay present, late or left_early${KEEP}`;

function window(alias: string): string {
  return `daterange(${alias}.admission_date, ${alias}.discharge_date, '[]')`;
}

function span(alias: string): string {
  return `${alias}.admission_date || ' to ' || coalesce(${alias}.discharge_date::text, 'open')`;
}

/**
 * `moved`: the stored episodes (with the `line` replacing them) that a staged row moves or hands to
 * another participant. Materialized, so that it is found first: the planner cannot tell how few
 * they are (none, when unchanged files are loaded again), and otherwise joined every stored
 * attendance row of every episode first, testing each against the staged file: a reload of
 * 100,000 unchanged episodes ran for more than ten minutes in the first of these checks.
 */
const MOVED_EPISODES_CTE = `moved AS MATERIALIZED (
  SELECT s.line, e.participant_id, e.admission_date, e.discharge_date
  FROM ${STAGE} s
  JOIN enrollment e ON e.enrollment_id = s.enrollment_id
  WHERE ${NOT_REJECTED}
    AND (s.participant_id, s.admission_date, s.discharge_date) IS DISTINCT FROM (e.participant_id, e.admission_date, e.discharge_date)
)`;

/**
 * True when participant `${participant}` has no episode after this file admitted on or before
 * `${date}` (and, when `covering`, not discharged before it): no stored one that the file does not
 * replace, and none of its own rows still standing. Written as two NOT EXISTS joined by AND, not as
 * the NOT of an OR: the planner can then run each as one anti-join, where under an OR it ran both
 * subqueries for every stored row tested, each scanning the staged file (a reload with a thousand
 * moved episodes at 100,000 participants did not finish in ten minutes).
 *
 * The stored episodes are asked for as a range of the btree (participant_id, admission_date),
 * written as row comparisons: with `participant_id =`, the planner probed enrollment_no_overlap
 * (GiST) by the participant instead, at ten times the cost (0.75 s for the 14,500 stored dates of
 * a nightly file's 546 discharges at 100,000 participants, 30 ms by the btree).
 */
function noEpisodeAfterTheFile(participant: string, date: string, covering: boolean): string {
  const notEnded = covering ? `AND (o.discharge_date IS NULL OR o.discharge_date >= ${date})` : '';
  return `(
    NOT EXISTS (SELECT 1 FROM enrollment o
                WHERE (o.participant_id, o.admission_date) BETWEEN (${participant}, '-infinity'::date) AND (${participant}, ${date})
                  ${notEnded}
                  AND NOT EXISTS (SELECT 1 FROM ${STAGE} r WHERE r.enrollment_id = o.enrollment_id AND ${notRejected('r')}))
    AND NOT EXISTS (SELECT 1 FROM ${STAGE} o
                    WHERE o.participant_id = ${participant} AND o.admission_date <= ${date} ${notEnded} AND ${notRejected('o')}))`;
}

/** Which column of a moved episode strands a stored row dated `${date}`. */
function movedColumn(date: string): string {
  return `CASE WHEN s.participant_id <> e.participant_id THEN 'participant_id'
               WHEN ${date} < s.admission_date THEN 'admission_date' ELSE 'discharge_date' END`;
}

function movedValue(date: string): string {
  return `CASE WHEN s.participant_id <> e.participant_id THEN s.participant_id::text
               WHEN ${date} < s.admission_date THEN s.admission_date::text ELSE coalesce(s.discharge_date::text, '') END`;
}

/**
 * `dated`: the stored attendance dates of each moved episode's participant inside its old window.
 * Materialized, so that the test of each against the other episodes has the participant and the
 * date from one relation and probes the participant's episodes by both (noEpisodeAfterTheFile):
 * joined in one statement with `moved`, the planner (which cannot tell how many rows `moved` has)
 * probed the episodes by the date alone and read every episode open that day for each stored row
 * (42 s for 65 discharges at 12,000 participants, more than 20 minutes at 25,000).
 */
const MOVED_EPISODE_DATES_CTE = `dated AS MATERIALIZED (
  SELECT e.line, e.participant_id, g.session_date
  FROM moved e
  JOIN attendance a ON a.participant_id = e.participant_id
  JOIN group_session g ON g.session_id = a.session_id AND g.session_date <@ ${window('e')}
)`;

export const episodeKeepsStoredAttendance: DatabaseCheck = {
  name: 'a moved episode keeps stored attendance inside an episode',
  sql: `WITH ${MOVED_EPISODES_CTE}, ${MOVED_EPISODE_DATES_CTE}
        SELECT line, ${movedColumn('first_date')} AS column_name, ${movedValue('first_date')} AS value,
               ${sqlText(EPISODE_STRANDS_ATTENDANCE)} AS reason,
               'the episode ' || ${span('s')} || ' would leave ' || rows || ' stored attendance row(s) of participant ' ||
               e.participant_id || ' outside every episode (the first on ' || first_date || ')' AS detail
        FROM (
          SELECT d.line, min(d.session_date) AS first_date, count(*) AS rows
          FROM dated d
          WHERE ${noEpisodeAfterTheFile('d.participant_id', 'd.session_date', true)}
          GROUP BY d.line
        ) stranded
        JOIN ${STAGE} s USING (line)
        JOIN enrollment e ON e.enrollment_id = s.enrollment_id`,
};

export const episodeKeepsStoredCheckIns: DatabaseCheck = {
  name: 'a moved episode keeps stored check-ins after an admission',
  sql: `WITH ${MOVED_EPISODES_CTE}
        SELECT line, ${movedColumn('first_date')} AS column_name, ${movedValue('first_date')} AS value,
               ${sqlText(EPISODE_STRANDS_CHECK_INS)} AS reason,
               'the episode ' || ${span('s')} || ' would leave ' || rows || ' stored check-in(s) of participant ' ||
               e.participant_id || ' with no episode admitted on or before them (the first on ' || first_date || ')' AS detail
        FROM (
          SELECT e.line, min(c.report_date) AS first_date, count(*) AS rows
          FROM moved e
          JOIN sobriety_checkin c ON c.participant_id = e.participant_id AND c.report_date >= e.admission_date
          WHERE ${noEpisodeAfterTheFile('e.participant_id', 'c.report_date', false)}
          GROUP BY e.line
        ) stranded
        JOIN ${STAGE} s USING (line)
        JOIN enrollment e ON e.enrollment_id = s.enrollment_id`,
};

export const sessionKeepsStoredAttendance: DatabaseCheck = {
  name: 'a moved session stays inside the episodes of its stored roster',
  sql: `SELECT s.line, 'session_date' AS column_name, s.session_date::text AS value,
               ${sqlText(SESSION_STRANDS_ATTENDANCE)} AS reason,
               'moving the session to ' || s.session_date || ' would leave the stored attendance of ' || count(*) ||
               ' participant(s) outside their episodes (' || string_agg(a.participant_id, ', ' ORDER BY a.participant_id) ||
               ')' AS detail
        FROM ${STAGE} s
        JOIN group_session g ON g.session_id = s.session_id AND g.session_date <> s.session_date
        JOIN attendance a ON a.session_id = s.session_id
        WHERE ${NOT_REJECTED}
          AND NOT EXISTS (SELECT 1 FROM enrollment e
                          WHERE e.participant_id = a.participant_id AND s.session_date <@ ${window('e')})
        GROUP BY s.line, s.session_date`,
};

export const attendanceKeepsStoredFeedback: DatabaseCheck = {
  name: 'an attendance row keeps stored feedback attended',
  sql: `SELECT s.line, 'status' AS column_name, s.status::text AS value,
               ${sqlText(ATTENDANCE_STRANDS_FEEDBACK)} AS reason, NULL::text AS detail
        FROM ${STAGE} s
        JOIN feedback f ON f.session_id = s.session_id AND f.participant_id = s.participant_id
        WHERE ${NOT_REJECTED} AND s.status NOT IN ('present', 'late', 'left_early')`,
};
