import { RETENTION_OUTCOME_CTE, episodeScopeCtes, SCOPED_SESSION_CTE, ATTENDED_SQL as ATTENDED } from '@iop/metrics';

/**
 * Per therapy group, k of n for the funnel plot's episode measures (METRICS.md, "Funnel plot of
 * groups"). An episode belongs to one group: within its primary group type, the group with the
 * most attendance rows in the episode window (ties: earliest first session, then group id), as the
 * primary type itself is chosen. METRICS.md does not say how an episode maps to a group; this is
 * the reading that keeps every episode in exactly one group of its own type.
 *   retention90: followed 90 days = dropped out by day 90, or t ≥ 90; retained = not dropped out by
 *     day 90 (a dropout on day 90 counts, as in S(90)).
 *   completion: completed among discharged.
 * Parameters: those of the episode scope ($1–$5).
 */
export const GROUP_EPISODE_FUNNEL_SQL = `
WITH ${episodeScopeCtes('admitted')},${RETENTION_OUTCOME_CTE},
episode_group_rows AS (
  SELECT e.enrollment_id, g.group_id, count(*) AS row_count, min(s.session_date) AS first_session
  FROM episode e
  JOIN attendance a ON a.participant_id = e.participant_id
  JOIN group_session s ON s.session_id = a.session_id AND s.session_date BETWEEN e.admission_date AND e.window_end
  JOIN therapy_group g ON g.group_id = s.group_id AND g.group_type = e.primary_type
  GROUP BY e.enrollment_id, g.group_id
),
episode_group AS (
  SELECT DISTINCT ON (enrollment_id) enrollment_id, group_id
  FROM episode_group_rows
  ORDER BY enrollment_id, row_count DESC, first_session, group_id COLLATE "C"
)
SELECT g.group_id AS "groupId", g.group_name AS "groupName", g.group_type AS "groupType", g.site_id AS "siteId",
  count(*) FILTER (WHERE (o.event AND o.t <= 90) OR o.t >= 90)::int AS "retentionN",
  count(*) FILTER (WHERE o.t >= 90 AND NOT (o.event AND o.t = 90))::int AS "retentionK",
  count(*) FILTER (WHERE o.reason IS NOT NULL)::int AS "completionN",
  count(*) FILTER (WHERE o.reason = 'completed')::int AS "completionK"
FROM outcome o
JOIN episode_group eg USING (enrollment_id)
JOIN therapy_group g ON g.group_id = eg.group_id
GROUP BY g.group_id, g.group_name, g.group_type, g.site_id`;

/** Per group: attended (k) of scheduled minus excused (n), over the session scope's rows. */
export const GROUP_ATTENDANCE_FUNNEL_SQL = `
WITH ${SCOPED_SESSION_CTE}
SELECT g.group_id AS "groupId", g.group_name AS "groupName", g.group_type AS "groupType", g.site_id AS "siteId",
  count(*) FILTER (WHERE a.status IN ${ATTENDED})::int AS k,
  count(*) FILTER (WHERE a.status <> 'excused')::int AS n
FROM scoped_session s
JOIN attendance a ON a.session_id = s.session_id
JOIN therapy_group g ON g.group_id = s.group_id
GROUP BY g.group_id, g.group_name, g.group_type, g.site_id`;
