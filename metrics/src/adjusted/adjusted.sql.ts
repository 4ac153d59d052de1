import { ageBandSql, coOccurringSql } from '../derived/episode-covariates';
import { RETENTION_OUTCOME_CTE } from '../retention/retention.sql';
import { episodeScopeCtes } from '../scope';

/**
 * The covariates of METRICS.md "Adjusted comparisons", per episode of the retention outcome, then
 * counted per covariate pattern × (t, dropout) for the Cox model of dropout, per covariate pattern
 * × completed among the discharged for the logistic model of completion. The models fit these
 * counts (api/src/stats), never one row per episode. A missing categorical value is the level
 * 'unknown'; a missing baseline stays NULL (the service leaves such episodes out and counts them),
 * as do episodes without a primary type.
 *
 * Rows come as arrays: the primary type; the other categorical covariates as one JSON array text
 * (age band, gender, substance, co-occurring, site: a few thousand distinct values, where pg would
 * build five strings per row, half a million at 100,000 participants); baseline days used; then t
 * and dropout, or the discharged and the completed episodes; n last (covariate-design.ts). They
 * come in no order: the API sorts them (its design's `order`, on small level codes, several times
 * faster than Postgres's sort on the text keys here), so that a fit adds them up in one order
 * whichever plan Postgres chose.
 * Parameters: those of the episode scope ($1–$5).
 */
const PATTERN_COLUMNS = 'primary_type, age_band, gender, substance, co_occurring, site_id, baseline_days_used';
const PATTERN_SELECT =
  'primary_type, json_build_array(age_band, gender, substance, co_occurring, site_id)::text AS covariates, baseline_days_used';
const patternSelect = (outcome: 'dropout' | 'completion') =>
  outcome === 'dropout'
    ? `
SELECT ${PATTERN_SELECT}, t, event, count(*)::int AS n
FROM covariates
GROUP BY ${PATTERN_COLUMNS}, t, event`
    : `
SELECT ${PATTERN_SELECT},
  count(*) FILTER (WHERE discharged)::int AS discharged, count(*) FILTER (WHERE completed)::int AS completed,
  count(*)::int AS n
FROM covariates
GROUP BY ${PATTERN_COLUMNS}`;

const adjustedPatternsSql = (outcome: 'dropout' | 'completion') => `
WITH ${episodeScopeCtes('admitted')},${RETENTION_OUTCOME_CTE},
covariates AS (
  SELECT o.primary_type, o.t, o.event,
    o.reason IS NOT NULL AS discharged,
    coalesce(o.reason = 'completed', false) AS completed,
    ${ageBandSql('o.admission_date', 'p.birth_year')} AS age_band,
    coalesce(p.gender, 'unknown') AS gender,
    coalesce(p.primary_substance, 'unknown') AS substance,
    ${coOccurringSql('p.co_occurring')} AS co_occurring,
    o.baseline_days_used,
    o.site_id
  FROM outcome o
  JOIN participant p USING (participant_id)
)
${patternSelect(outcome)}`;

export const ADJUSTED_PATTERNS_SQL = {
  dropout: adjustedPatternsSql('dropout'),
  completion: adjustedPatternsSql('completion'),
};

/**
 * The same from derived.episode_covariate (filled by the load: metrics/src/derived/episode-covariates.ts),
 * with the episode scope of derivedEpisodeScopeCtes('admitted'); valid while $3 is its as_of.
 */
const adjustedPatternsDerivedSql = (outcome: 'dropout' | 'completion') => `
WITH covariates AS (
  SELECT primary_type, age_band, gender, substance, co_occurring, baseline_days_used, site_id,
    coalesce(follow_up_end, $3::date) - admission_date AS t, event, discharged, completed
  FROM derived.episode_covariate
  WHERE admission_date BETWEEN $1::date AND $2::date
    AND admission_date <= $3::date
    AND ($4::text[] IS NULL OR site_id = ANY ($4::text[]))
    AND ($5::text[] IS NULL OR primary_type = ANY ($5::text[]))
)
${patternSelect(outcome)}`;

export const ADJUSTED_PATTERNS_DERIVED_SQL = {
  dropout: adjustedPatternsDerivedSql('dropout'),
  completion: adjustedPatternsDerivedSql('completion'),
};
