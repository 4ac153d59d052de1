import { episodeScopeCtes } from '../scope';
import { SCORED_FEEDBACK_CTE } from '../feedback/session-feedback.sql';
import { RETENTION_OUTCOME_CTE } from '../retention/retention.sql';
import { SCOPED_SESSION_CTE } from '../scope';
import { ABSTINENCE_MILESTONE_CTES } from '../sobriety/sobriety.sql';

const MONTH = (dateColumn: string) => `to_char(${dateColumn}, 'YYYY-MM')`;

/**
 * The episode figures of METRICS.md "Cohort trends" by admission month, from the same CTEs as the
 * whole-period figures (retention's `outcome`, sobriety's `eligible` and `milestone_checkin`), so
 * that each month's figure is computed exactly as the whole period's. Rows, not figures: the
 * survival and reason counts per month are those RETENTION_SQL gives for a period, and the
 * service turns them into figures with the same code. Parameters: the episode scope's $1–$5, then
 * $6 the abstinence milestones (int[]).
 */
export const COHORT_EPISODES_SQL = `
WITH ${episodeScopeCtes('admitted')},${RETENTION_OUTCOME_CTE},${ABSTINENCE_MILESTONE_CTES}
SELECT
  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT ${MONTH('admission_date')} AS month,
       CASE WHEN grouping(t) = 0 THEN 'survival' ELSE 'reason' END AS kind,
       t, event, reason, count(*)::int AS n
     FROM outcome
     GROUP BY GROUPING SETS ((${MONTH('admission_date')}, t, event), (${MONTH('admission_date')}, reason))) x)
    AS retention,
  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT ${MONTH('el.admission_date')} AS month, el.m AS days,
       count(*)::int AS eligible, count(mc.enrollment_id)::int AS responders,
       count(*) FILTER (WHERE mc.days_used = 0)::int AS abstinent
     FROM eligible el LEFT JOIN milestone_checkin mc USING (enrollment_id, m)
     GROUP BY 1, 2) x) AS abstinence`;

/**
 * The session score by session month (METRICS.md: "sessions: by session month"), from the same
 * `scored` rows as the whole-period mean, with what its interval needs. Parameters: the session
 * scope's $1–$5.
 */
export const COHORT_ALLIANCE_SQL = `
WITH ${SCOPED_SESSION_CTE},${SCORED_FEEDBACK_CTE}
SELECT ${MONTH('session_date')} AS month, count(*)::int AS responses,
  avg(score)::float8 AS mean, stddev_samp(score)::float8 AS sd
FROM scored
GROUP BY 1
ORDER BY 1`;
