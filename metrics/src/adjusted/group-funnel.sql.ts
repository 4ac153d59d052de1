import { episodeGroupCtes } from '../derived/episode-covariates';
import { RETENTION_OUTCOME_CTE } from '../retention/retention.sql';
import { episodeScopeCtes, SCOPED_SESSION_CTE } from '../scope';
import { ATTENDED_SQL as ATTENDED } from '../vocabulary';

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
WITH ${episodeScopeCtes('admitted')},${RETENTION_OUTCOME_CTE},${episodeGroupCtes('episode')}
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

/**
 * GROUP_EPISODE_FUNNEL_SQL from derived.episode_covariate (each episode's group, time and outcome, filled
 * by the load), with the episode scope of derivedEpisodeScopeCtes('admitted'); valid while $3 is
 * its as_of.
 */
export const GROUP_EPISODE_FUNNEL_DERIVED_SQL = `
SELECT g.group_id AS "groupId", g.group_name AS "groupName", g.group_type AS "groupType", g.site_id AS "siteId",
  count(*) FILTER (WHERE (c.event AND c.t <= 90) OR c.t >= 90)::int AS "retentionN",
  count(*) FILTER (WHERE c.t >= 90 AND NOT (c.event AND c.t = 90))::int AS "retentionK",
  count(*) FILTER (WHERE c.discharged)::int AS "completionN",
  count(*) FILTER (WHERE c.completed)::int AS "completionK"
FROM (SELECT *, coalesce(follow_up_end, $3::date) - admission_date AS t FROM derived.episode_covariate) c
JOIN therapy_group g ON g.group_id = c.group_id
WHERE c.admission_date BETWEEN $1::date AND $2::date
  AND c.admission_date <= $3::date
  AND ($4::text[] IS NULL OR c.site_id = ANY ($4::text[]))
  AND ($5::text[] IS NULL OR c.primary_type = ANY ($5::text[]))
GROUP BY g.group_id, g.group_name, g.group_type, g.site_id`;

/**
 * GROUP_ATTENDANCE_FUNNEL_SQL from the running totals per group and session day the load keeps
 * (derived.group_day_total, as the drill-down reads them): a period's counts are the totals on its last
 * session day less those before its first, two index lookups per group. Valid while $3 is the
 * derived as_of. attended = present, late or left early; counted = every row but the excused.
 */
export const GROUP_ATTENDANCE_FUNNEL_DERIVED_SQL = `
SELECT g.group_id AS "groupId", g.group_name AS "groupName", g.group_type AS "groupType", g.site_id AS "siteId",
  (hi.attended - coalesce(lo.attended, 0))::int AS k,
  (hi.scheduled - hi.excused - coalesce(lo.scheduled - lo.excused, 0))::int AS n
FROM therapy_group g
CROSS JOIN LATERAL (
  SELECT d.* FROM derived.group_day_total d WHERE d.group_id = g.group_id AND d.session_date <= least($2::date, $3::date)
  ORDER BY d.session_date DESC LIMIT 1) hi
LEFT JOIN LATERAL (
  SELECT d.* FROM derived.group_day_total d WHERE d.group_id = g.group_id AND d.session_date < $1::date
  ORDER BY d.session_date DESC LIMIT 1) lo ON true
WHERE ($4::text[] IS NULL OR g.site_id = ANY ($4::text[])) AND g.group_type = ANY ($5::text[])
  AND hi.scheduled > coalesce(lo.scheduled, 0)`;
