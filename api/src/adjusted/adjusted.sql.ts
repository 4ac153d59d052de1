import { RETENTION_OUTCOME_CTE, derivedEpisodeScopeCtes, episodeScopeCtes } from '@iop/metrics';

/**
 * The covariates of METRICS.md "Adjusted comparisons", per episode of the retention outcome, then
 * counted per covariate pattern × (t, dropout, discharged, completed) for the Cox model of dropout,
 * per covariate pattern × (discharged, completed) for the logistic model of completion (its rows
 * carry t 0 and no dropout: follow-up time would only split its patterns). The models fit these
 * counts (api/src/stats), never one row per episode.
 *
 * The dropout rows keep discharged and completed in the grouping although the Cox model does not
 * read them: the rows' order (the hash aggregate's) decides which of the events tied at one time
 * fall into which bin of the proportional-hazards residual trend, and grouping by fewer columns
 * changes that order (and so those bins' means) without making the query measurably faster. A missing categorical value is the level 'unknown';
 * a missing baseline stays NULL (the service leaves such episodes out and counts them), as do
 * episodes without a primary type. Parameters: those of the episode scope ($1–$5).
 */
const adjustedPatternsSql = (scopeCtes: string, outcome: 'dropout' | 'completion') => `
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
  baseline_days_used AS "baselineDaysUsed", site_id AS "siteId", ${outcome === 'dropout' ? 't, event' : '0 AS t, false AS event'},
  coalesce(discharged, false) AS discharged, coalesce(completed, false) AS completed, count(*)::int AS n
FROM covariates
GROUP BY 1, 2, 3, 4, 5, 6, 7, ${outcome === 'dropout' ? '8, 9, ' : ''}10, 11`;

export const ADJUSTED_PATTERNS_SQL = {
  dropout: adjustedPatternsSql(episodeScopeCtes('admitted'), 'dropout'),
  completion: adjustedPatternsSql(episodeScopeCtes('admitted'), 'completion'),
};

/** The same from episode_fact (the primary type precomputed by the load); valid while $3 is its as_of. */
export const ADJUSTED_PATTERNS_DERIVED_SQL = {
  dropout: adjustedPatternsSql(derivedEpisodeScopeCtes('admitted'), 'dropout'),
  completion: adjustedPatternsSql(derivedEpisodeScopeCtes('admitted'), 'completion'),
};
