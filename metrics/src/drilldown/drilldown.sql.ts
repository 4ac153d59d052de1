// Session figures of the drill-down (METRICS.md, Attendance and Session feedback) over sessions
// dated in [from, min(to, as_of)] of groups at the chosen sites.

import { ATTENDED_SQL } from '../vocabulary';

const SCORE = `f.relationship + f.goals_topics + f.approach + f.overall`;

/**
 * The groups of one type that held sessions in the period, with their figures, and the type's
 * total (group_id NULL, from the empty grouping set). Participants of the total are distinct
 * across groups, not summed.
 * Parameters: $1 group type, $2 first day, $3 last day, $4 site ids (text[] or NULL).
 */
export const DRILLDOWN_GROUPS_SQL = `
WITH session_in_scope AS (
  SELECT s.session_id, s.group_id
  FROM therapy_group g
  JOIN group_session s ON s.group_id = g.group_id AND s.session_date BETWEEN $2::date AND $3::date
  WHERE g.group_type = $1 AND ($4::text[] IS NULL OR g.site_id = ANY ($4::text[]))
),
session_counts AS (
  SELECT group_id, count(*) AS sessions FROM session_in_scope GROUP BY GROUPING SETS ((group_id), ())
),
row_counts AS (
  SELECT s.group_id, count(DISTINCT a.participant_id) AS participants, count(*) AS scheduled,
    count(*) FILTER (WHERE a.status IN ${ATTENDED_SQL}) AS attended,
    count(*) FILTER (WHERE a.status = 'excused') AS excused
  FROM session_in_scope s JOIN attendance a ON a.session_id = s.session_id
  GROUP BY GROUPING SETS ((s.group_id), ())
),
feedback_counts AS (
  SELECT s.group_id, count(*) AS responses, avg(${SCORE})::float8 AS mean_score
  FROM session_in_scope s JOIN feedback f ON f.session_id = s.session_id
  GROUP BY GROUPING SETS ((s.group_id), ())
)
SELECT sc.group_id AS "groupId", g.group_name AS "groupName", g.site_id AS "siteId", st.site_name AS "siteName",
  g.modality, sc.sessions::int AS sessions,
  coalesce(rc.participants, 0)::int AS participants, coalesce(rc.scheduled, 0)::int AS scheduled,
  coalesce(rc.attended, 0)::int AS attended, coalesce(rc.excused, 0)::int AS excused,
  coalesce(fc.responses, 0)::int AS "feedbackResponses", fc.mean_score AS "meanFeedbackScore"
FROM session_counts sc
LEFT JOIN therapy_group g ON g.group_id = sc.group_id
LEFT JOIN site st ON st.site_id = g.site_id
LEFT JOIN row_counts rc ON rc.group_id IS NOT DISTINCT FROM sc.group_id
LEFT JOIN feedback_counts fc ON fc.group_id IS NOT DISTINCT FROM sc.group_id
ORDER BY sc.group_id NULLS FIRST`;

/** One group, if it is at the chosen sites. Parameters: $1 group id, $2 site ids (text[] or NULL). */
export const DRILLDOWN_GROUP_SQL = `
SELECT g.group_id AS "groupId", g.group_name AS "groupName", g.group_type AS "groupType",
  g.site_id AS "siteId", st.site_name AS "siteName", g.modality
FROM therapy_group g JOIN site st ON st.site_id = g.site_id
WHERE g.group_id = $1 AND ($2::text[] IS NULL OR g.site_id = ANY ($2::text[]))`;

/** The sessions of one group in the period. Parameters: $1 group id, $2 first day, $3 last day. */
export const DRILLDOWN_SESSIONS_SQL = `
SELECT s.session_id AS "sessionId", to_char(s.session_date, 'YYYY-MM-DD') AS date, s.topic,
  s.duration_minutes AS "durationMinutes",
  r.scheduled::int, r.attended::int, r.excused::int,
  fb.responses::int AS "feedbackResponses", fb.mean_score AS "meanFeedbackScore"
FROM group_session s
CROSS JOIN LATERAL (
  SELECT count(*) AS scheduled,
    count(*) FILTER (WHERE a.status IN ${ATTENDED_SQL}) AS attended,
    count(*) FILTER (WHERE a.status = 'excused') AS excused
  FROM attendance a WHERE a.session_id = s.session_id) r
CROSS JOIN LATERAL (
  SELECT count(*) AS responses, avg(${SCORE})::float8 AS mean_score
  FROM feedback f WHERE f.session_id = s.session_id) fb
WHERE s.group_id = $1 AND s.session_date BETWEEN $2::date AND $3::date
ORDER BY s.session_date, s.session_id`;

/**
 * DRILLDOWN_GROUPS_SQL from the derived tables (derived-schema.ts), valid
 * only while the period ends on or before the derived as_of (see derivedAnswers). Same parameters
 * and rows.
 *
 * A group's sums over the period are the difference of its running totals through the last
 * session day on or before $3 and through the last one before $2. Its participants in the period
 * are those whose first date with a row is on or before $3 (pairs_started) less those whose last
 * is before $2 (pairs_ended), less those with a gap of their dates around the whole period
 * (derived.group_participant_gap). The type's total counts a participant of several groups once: the
 * surplus is counted over derived.multi_group_participant only.
 */
export const DRILLDOWN_GROUPS_DERIVED_SQL = `
WITH scoped_group AS (
  SELECT g.group_id
  FROM therapy_group g
  WHERE g.group_type = $1 AND ($4::text[] IS NULL OR g.site_id = ANY ($4::text[]))
),
group_period AS (
  SELECT g.group_id, hi.sessions - coalesce(lo.sessions, 0) AS sessions,
    hi.scheduled - coalesce(lo.scheduled, 0) AS scheduled,
    hi.attended - coalesce(lo.attended, 0) AS attended,
    hi.excused - coalesce(lo.excused, 0) AS excused,
    hi.responses - coalesce(lo.responses, 0) AS responses,
    hi.score_sum - coalesce(lo.score_sum, 0) AS score_sum,
    hi.pairs_started - coalesce(lo.pairs_ended, 0) AS overlapping
  FROM scoped_group g
  CROSS JOIN LATERAL (
    SELECT d.* FROM derived.group_day_total d WHERE d.group_id = g.group_id AND d.session_date <= $3::date
    ORDER BY d.session_date DESC LIMIT 1) hi
  LEFT JOIN LATERAL (
    SELECT d.* FROM derived.group_day_total d WHERE d.group_id = g.group_id AND d.session_date < $2::date
    ORDER BY d.session_date DESC LIMIT 1) lo ON true
  -- Groups without sessions in the period are not shown (and their gaps are not kept).
  WHERE hi.sessions > coalesce(lo.sessions, 0)
),
gap_around AS (
  SELECT x.group_id, x.participant_id
  FROM derived.group_participant_gap x
  JOIN group_period gp ON gp.group_id = x.group_id
  WHERE x.gap_from < $2::date AND x.gap_to > $3::date
),
group_figures AS (
  SELECT gp.*, gp.overlapping - coalesce(ga.pairs, 0) AS participants
  FROM group_period gp
  LEFT JOIN (SELECT group_id, count(*) AS pairs FROM gap_around GROUP BY group_id) ga USING (group_id)
),
surplus AS (
  SELECT count(*) - count(DISTINCT m.participant_id) AS participants
  FROM derived.multi_group_participant m
  JOIN group_period gp ON gp.group_id = m.group_id
  WHERE m.group_type = $1 AND m.first_date <= $3::date AND m.last_date >= $2::date
    AND (m.group_id, m.participant_id) NOT IN (SELECT group_id, participant_id FROM gap_around)
),
figures AS (
  SELECT group_id, sessions, participants, scheduled, attended, excused, responses, score_sum FROM group_figures
  UNION ALL
  SELECT NULL, coalesce(sum(sessions), 0), coalesce(sum(participants), 0) - (SELECT participants FROM surplus),
    coalesce(sum(scheduled), 0), coalesce(sum(attended), 0), coalesce(sum(excused), 0),
    coalesce(sum(responses), 0), sum(score_sum)
  FROM group_figures
)
SELECT f.group_id AS "groupId", g.group_name AS "groupName", g.site_id AS "siteId", st.site_name AS "siteName",
  g.modality, f.sessions::int AS sessions, f.participants::int AS participants, f.scheduled::int AS scheduled,
  f.attended::int AS attended, f.excused::int AS excused, f.responses::int AS "feedbackResponses",
  CASE WHEN f.responses > 0 THEN (f.score_sum / f.responses)::float8 END AS "meanFeedbackScore"
FROM figures f
LEFT JOIN therapy_group g ON g.group_id = f.group_id
LEFT JOIN site st ON st.site_id = g.site_id
ORDER BY f.group_id NULLS FIRST`;
