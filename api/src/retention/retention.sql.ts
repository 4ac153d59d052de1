import { CELL_SQL, derivedEpisodeScopeCtes, episodeScopeCtes } from '../episodes';

/**
 * One statement, one row of three small aggregates (never one row per episode):
 *  - survival: (primary type, t, event) with counts, for Kaplan–Meier and the log-rank test;
 *  - reasons: discharges per (primary type, reason);
 *  - lengthOfStay: median discharge − admission of discharged episodes, per type and in total.
 * Parameters: those of the episode scope ($1–$5).
 */
const retentionSql = (scopeCtes: string) => `
WITH ${scopeCtes},
survival AS (
  SELECT primary_type,
    -- Completing is never dropping out: completed episodes stay at risk until as_of.
    CASE WHEN discharge_reason = 'completed' THEN $3::date - admission_date
         ELSE window_end - admission_date END AS t,
    coalesce(discharge_reason IN ('dropped_out', 'terminated'), false) AS event
  FROM episode
)
SELECT
  (SELECT coalesce(json_agg(k), '[]') FROM (
     SELECT primary_type AS "groupType", t, event, count(*)::int AS n
     FROM survival GROUP BY primary_type, t, event) k) AS survival,
  (SELECT coalesce(json_agg(r), '[]') FROM (
     SELECT primary_type AS "groupType", discharge_reason AS reason, count(*)::int AS n
     FROM episode WHERE discharge_reason IS NOT NULL
     GROUP BY primary_type, discharge_reason) r) AS reasons,
  (SELECT coalesce(json_agg(l), '[]') FROM (
     SELECT ${CELL_SQL} AS cell,
       count(*)::int AS discharged,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY discharge_date - admission_date) AS "medianDays"
     FROM episode WHERE discharge_date IS NOT NULL
     GROUP BY GROUPING SETS ((primary_type), ())) l) AS "lengthOfStay"`;

export const RETENTION_SQL = retentionSql(episodeScopeCtes('admitted'));
/** The same from episode_fact (see derivedDataFor). */
export const RETENTION_DERIVED_SQL = retentionSql(derivedEpisodeScopeCtes('admitted'));
