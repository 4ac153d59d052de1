import { episodeWarningCtes } from '../derived/episode-warning';

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

// $1 as_of, $2 site ids (null = all), $3 how many at-risk episodes to list. The per-episode facts
// are etl's episodeWarningCtes, the same the loader stores in derived.episode_warning.
export const EARLY_WARNING_SQL = `
WITH ${episodeWarningCtes('AND ($2::text[] IS NULL OR e.site_id = ANY ($2::text[]))')},
${SUMMARY_AND_LIST}`;

/**
 * EARLY_WARNING_SQL from derived.episode_warning (derived-schema.ts), which holds
 * `flagged` and reason_count of every episode open at the derived as_of. Same parameters; valid
 * only while $1 is the derived as_of (see derivedAnswers). Not materialized: the summary counts
 * the table, and the list reads the first $3 rows of episode_warning_rank_idx (derived-schema.ts) instead of sorting a copy of every open episode.
 */
export const EARLY_WARNING_DERIVED_SQL = `
WITH judged AS NOT MATERIALIZED (
  SELECT w.*
  FROM derived.episode_warning w
  WHERE ($2::text[] IS NULL OR w.site_id = ANY ($2::text[]))
),
${SUMMARY_AND_LIST}`;
