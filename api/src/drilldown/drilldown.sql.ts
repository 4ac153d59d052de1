// Session figures of the drill-down (METRICS.md, Attendance and Session feedback) over sessions
// dated in [from, min(to, as_of)] of groups at the chosen sites.

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
    count(*) FILTER (WHERE a.status IN ('present', 'late', 'left_early')) AS attended,
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
    count(*) FILTER (WHERE a.status IN ('present', 'late', 'left_early')) AS attended,
    count(*) FILTER (WHERE a.status = 'excused') AS excused
  FROM attendance a WHERE a.session_id = s.session_id) r
CROSS JOIN LATERAL (
  SELECT count(*) AS responses, avg(${SCORE})::float8 AS mean_score
  FROM feedback f WHERE f.session_id = s.session_id) fb
WHERE s.group_id = $1 AND s.session_date BETWEEN $2::date AND $3::date
ORDER BY s.session_date, s.session_id`;
