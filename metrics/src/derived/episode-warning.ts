// The early warning's derived table (derived-schema.ts), for the API's
// EARLY_WARNING_DERIVED_SQL; refreshed with the other derived tables, in the load's transaction.

import {
  ALLIANCE_FLAG_MAX_SCORE as FLAG_MAX_SCORE,
  ATTENDED_SQL as ATTENDED,
  WARNING_ATTENDED_DAYS,
  WARNING_RECENT_DAYS,
} from '../vocabulary';
import type { BuildStep } from './declaration';

/**
 * The early warning's per-episode facts, one definition for the API's live statement and for the
 * derived table: CTEs ending in `judged`, one row per episode open at as_of ($1) with its facts,
 * its five flags and reason_count. An episode is open at as_of when admitted on or before it and
 * not discharged on or before it; its rows, feedback and check-ins are those dated inside its
 * window, up to as_of, in any group; rows of one date are ordered by session_id (descending) so
 * that "most recent" is deterministic. `siteFilter`: an extra condition on enrollment `e`.
 */
export function episodeWarningCtes(siteFilter = ''): string {
  return `
open_episode AS (
  SELECT e.enrollment_id, e.participant_id, e.site_id, e.admission_date
  FROM enrollment e
  WHERE e.admission_date <= $1::date
    AND (e.discharge_date IS NULL OR e.discharge_date > $1::date)
    ${siteFilter}
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
    count(*) FILTER (WHERE session_date > $1::date - ${WARNING_RECENT_DAYS})::int AS rows_recent,
    count(*) FILTER (WHERE session_date > $1::date - ${WARNING_ATTENDED_DAYS} AND status IN ${ATTENDED})::int
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
    coalesce(fb.last_feedback_score <= ${FLAG_MAX_SCORE}, false) AS low_feedback,
    coalesce(ci.last_days_used > 0, false) AS use_reported,
    (ci.last_checkin_date IS NULL OR ci.last_checkin_date <= $1::date - ${WARNING_RECENT_DAYS}) AS no_checkin
  FROM open_episode ep
  LEFT JOIN row_fact r USING (enrollment_id)
  LEFT JOIN feedback_fact fb USING (enrollment_id)
  LEFT JOIN checkin_fact ci USING (enrollment_id)
),
judged AS (
  SELECT f.*,
    (two_absent::int + not_attending::int + low_feedback::int + use_reported::int + no_checkin::int) AS reason_count
  FROM flagged f
)`;
}

// Every episode open at as_of, at every site (the API filters by the episode's site); keyed by episode.
export const EPISODE_WARNING_STEPS: readonly BuildStep[] = [
  {
    kind: 'table',
    table: 'derived.episode_warning',
    key: 'enrollment_id',
    set: 'warning_episode',
    body: (keys) =>
      `WITH ${episodeWarningCtes(`AND ${keys.in('e.enrollment_id', 'warning_episode')}`)} SELECT * FROM judged`,
    params: (c) => [c.asOf],
  },
];
