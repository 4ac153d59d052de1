import { derivedEpisodeScopeCtes, episodeScopeCtes } from '../episodes';
import { RETENTION_OUTCOME_CTE } from '../retention/retention.sql';

/**
 * The covariates of METRICS.md "Adjusted comparisons", per episode of the retention outcome, then
 * counted per covariate pattern × (t, dropout, discharged, completed): the models fit these counts
 * (api/src/stats), never one row per episode. A missing categorical value is the level 'unknown';
 * a missing baseline stays NULL (the service leaves such episodes out and counts them), as do
 * episodes without a primary type. Parameters: those of the episode scope ($1–$5).
 */
const adjustedPatternsSql = (scopeCtes: string) => `
WITH ${scopeCtes},${RETENTION_OUTCOME_CTE},
covariates AS (
  SELECT o.primary_type, o.t, o.event,
    o.reason IS NOT NULL AS discharged,
    o.reason = 'completed' AS completed,
    CASE WHEN p.birth_year IS NULL THEN 'unknown'
         WHEN extract(year FROM o.admission_date) - p.birth_year < 25 THEN 'under 25'
         WHEN extract(year FROM o.admission_date) - p.birth_year < 35 THEN '25-34'
         WHEN extract(year FROM o.admission_date) - p.birth_year < 45 THEN '35-44'
         WHEN extract(year FROM o.admission_date) - p.birth_year < 55 THEN '45-54'
         ELSE '55 and over' END AS age_band,
    coalesce(p.gender, 'unknown') AS gender,
    coalesce(p.primary_substance, 'unknown') AS substance,
    CASE WHEN p.co_occurring IS NULL THEN 'unknown' WHEN p.co_occurring THEN 'yes' ELSE 'no' END AS co_occurring,
    o.baseline_days_used,
    o.site_id
  FROM outcome o
  JOIN participant p USING (participant_id)
)
SELECT primary_type AS "groupType", age_band AS "ageBand", gender, substance, co_occurring AS "coOccurring",
  baseline_days_used AS "baselineDaysUsed", site_id AS "siteId", t, event,
  coalesce(discharged, false) AS discharged, coalesce(completed, false) AS completed, count(*)::int AS n
FROM covariates
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`;

export const ADJUSTED_PATTERNS_SQL = adjustedPatternsSql(episodeScopeCtes('admitted'));

/** The same from episode_fact (the primary type precomputed by the load); valid while $3 is its as_of. */
export const ADJUSTED_PATTERNS_DERIVED_SQL = adjustedPatternsSql(derivedEpisodeScopeCtes('admitted'));
