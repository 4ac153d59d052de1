import { ATTENDED } from '../sessions-scope';
import { ALLIANCE_FLAG_MAX_SCORE } from '../feedback/session-feedback.sql';

/**
 * Window edges (METRICS.md, Early warning), both ending on as_of and counting as_of itself:
 * "the 14 days before as_of" = [as_of − 13, as_of] (session_date > as_of − 14), and
 * "the last 7" days           = [as_of − 6, as_of]  (session_date > as_of − 7).
 */
export const RECENT_DAYS = 14;
export const LAST_ATTENDED_DAYS = 7;

// The summary and the listed episodes of `judged` (one row per open episode at the chosen sites,
// with the facts and flags of CTE `flagged` below and reason_count), shared by the live and the
// derived statement. It always returns at least one row: the summary, with NULL episode columns
// when no episode is at risk.
const SUMMARY_AND_LIST = `
summary AS (
  SELECT count(*)::int AS "openEpisodes",
    count(*) FILTER (WHERE reason_count > 0)::int AS "atRiskEpisodes",
    count(*) FILTER (WHERE two_absent)::int AS "twoAbsentCount",
    count(*) FILTER (WHERE not_attending)::int AS "notAttendingCount",
    count(*) FILTER (WHERE low_feedback)::int AS "lowFeedbackCount",
    count(*) FILTER (WHERE use_reported)::int AS "useReportedCount",
    count(*) FILTER (WHERE no_checkin)::int AS "noCheckinCount"
  FROM judged
),
listed AS (
  SELECT j.*
  FROM judged j
  WHERE j.reason_count > 0
  ORDER BY j.reason_count DESC, j.last_attended_date ASC NULLS FIRST, j.enrollment_id COLLATE "C"
  LIMIT $3
)
SELECT s.*,
  l.enrollment_id AS "enrollmentId", l.participant_id AS "participantId", l.site_id AS "siteId",
  st.site_name AS "siteName", to_char(l.admission_date, 'YYYY-MM-DD') AS "admissionDate",
  ($1::date - l.admission_date) AS "daysSinceAdmission",
  l.reason_count AS "reasonCount",
  l.two_absent AS "twoAbsent", l.not_attending AS "notAttending", l.low_feedback AS "lowFeedback",
  l.use_reported AS "useReported", l.no_checkin AS "noCheckin",
  to_char(l.last_session_date, 'YYYY-MM-DD') AS "lastSessionDate",
  to_char(l.last_attended_date, 'YYYY-MM-DD') AS "lastAttendedDate",
  l.last_two_statuses AS "lastTwoStatuses",
  l.rows_recent AS "rowsLast14Days", l.attended_last AS "attendedLast7Days",
  to_char(l.last_feedback_date, 'YYYY-MM-DD') AS "lastFeedbackDate",
  l.last_feedback_score::float8 AS "lastFeedbackScore",
  to_char(l.last_checkin_date, 'YYYY-MM-DD') AS "lastCheckinDate",
  l.last_days_used::int AS "lastCheckinDaysUsed"
FROM summary s
LEFT JOIN listed l ON true
LEFT JOIN site st ON st.site_id = l.site_id
ORDER BY l.reason_count DESC, l.last_attended_date ASC NULLS FIRST, l.enrollment_id COLLATE "C"`;

// $1 as_of, $2 site ids (null = all), $3 how many at-risk episodes to list.
// An episode is open at as_of when admitted on or before it and not discharged on or before it.
// Its rows, feedback and check-ins are those dated inside its window, up to as_of, in any group.
// Rows of one date are ordered by session_id (descending) to make "most recent" deterministic.
export const EARLY_WARNING_SQL = `
WITH open_episode AS (
  SELECT e.enrollment_id, e.participant_id, e.site_id, e.admission_date
  FROM enrollment e
  WHERE e.admission_date <= $1::date
    AND (e.discharge_date IS NULL OR e.discharge_date > $1::date)
    AND ($2::text[] IS NULL OR e.site_id = ANY ($2::text[]))
),
episode_row AS (
  SELECT ep.enrollment_id, s.session_date, a.status,
    f.relationship + f.goals_topics + f.approach + f.overall AS score,
    row_number() OVER (PARTITION BY ep.enrollment_id ORDER BY s.session_date DESC, s.session_id DESC) AS recency
  FROM open_episode ep
  JOIN attendance a ON a.participant_id = ep.participant_id
  JOIN group_session s ON s.session_id = a.session_id AND s.session_date BETWEEN ep.admission_date AND $1::date
  LEFT JOIN feedback f ON f.session_id = a.session_id AND f.participant_id = a.participant_id
),
row_fact AS (
  SELECT enrollment_id,
    max(session_date) AS last_session_date,
    max(session_date) FILTER (WHERE status IN ${ATTENDED}) AS last_attended_date,
    array_agg(status::text ORDER BY recency) FILTER (WHERE recency <= 2) AS last_two_statuses,
    count(*) FILTER (WHERE session_date > $1::date - ${RECENT_DAYS})::int AS rows_recent,
    count(*) FILTER (WHERE session_date > $1::date - ${LAST_ATTENDED_DAYS} AND status IN ${ATTENDED})::int
      AS attended_last
  FROM episode_row
  GROUP BY enrollment_id
),
feedback_fact AS (
  SELECT DISTINCT ON (enrollment_id) enrollment_id, session_date AS last_feedback_date, score AS last_feedback_score
  FROM episode_row
  WHERE score IS NOT NULL
  ORDER BY enrollment_id, recency
),
checkin_fact AS (
  SELECT DISTINCT ON (ep.enrollment_id) ep.enrollment_id,
    c.report_date AS last_checkin_date, c.days_used AS last_days_used
  FROM open_episode ep
  JOIN sobriety_checkin c ON c.participant_id = ep.participant_id
    AND c.report_date BETWEEN ep.admission_date AND $1::date
  ORDER BY ep.enrollment_id, c.report_date DESC
),
flagged AS (
  SELECT ep.*, r.last_session_date, r.last_attended_date, r.last_two_statuses,
    coalesce(r.rows_recent, 0) AS rows_recent, coalesce(r.attended_last, 0) AS attended_last,
    fb.last_feedback_date, fb.last_feedback_score, ci.last_checkin_date, ci.last_days_used,
    coalesce(r.last_two_statuses = ARRAY['absent', 'absent'], false) AS two_absent,
    coalesce(r.rows_recent > 0 AND r.attended_last = 0, false) AS not_attending,
    coalesce(fb.last_feedback_score <= ${ALLIANCE_FLAG_MAX_SCORE}, false) AS low_feedback,
    coalesce(ci.last_days_used > 0, false) AS use_reported,
    (ci.last_checkin_date IS NULL OR ci.last_checkin_date <= $1::date - ${RECENT_DAYS}) AS no_checkin
  FROM open_episode ep
  LEFT JOIN row_fact r USING (enrollment_id)
  LEFT JOIN feedback_fact fb USING (enrollment_id)
  LEFT JOIN checkin_fact ci USING (enrollment_id)
),
judged AS (
  SELECT f.*,
    (two_absent::int + not_attending::int + low_feedback::int + use_reported::int + no_checkin::int) AS reason_count
  FROM flagged f
),
${SUMMARY_AND_LIST}`;

/**
 * EARLY_WARNING_SQL from episode_warning (db migration DerivedWarningAndGroupTables), which holds
 * `flagged` and reason_count of every episode open at the derived as_of. Same parameters; valid
 * only while $1 is the derived as_of (see derivedDataFor).
 */
export const EARLY_WARNING_DERIVED_SQL = `
WITH judged AS (
  SELECT w.*
  FROM episode_warning w
  WHERE ($2::text[] IS NULL OR w.site_id = ANY ($2::text[]))
),
${SUMMARY_AND_LIST}`;
