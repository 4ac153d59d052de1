import { CELL_SQL, derivedEpisodeScopeCtes, episodeScopeCtes } from '../episodes';

/**
 * The episode, PDA and milestone aggregates, shared by the live and the derived statements; they
 * differ only in where the milestone check-ins come from.
 */
function episodeAggregates(milestones: 'milestone_checkin' | 'episode_milestone'): string {
  return `SELECT
  (SELECT json_agg(x) FROM (
     SELECT ${CELL_SQL} AS cell, count(*)::int AS episodes
     FROM episode GROUP BY GROUPING SETS ((primary_type), ())) x) AS episodes,
  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT ${CELL_SQL} AS cell,
       count(*)::int AS "pdaN", avg(pda) AS "pdaMean",
       count(baseline_pda)::int AS "changeN", avg(pda - baseline_pda) AS "changeMean"
     FROM episode_pda GROUP BY GROUPING SETS ((primary_type), ())) x) AS pda,
  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT ${CELL_SQL} AS cell, el.m AS days,
       count(*)::int AS eligible, count(mc.enrollment_id)::int AS responders,
       count(*) FILTER (WHERE mc.days_used = 0)::int AS abstinent
     FROM eligible el LEFT JOIN ${milestones} mc USING (enrollment_id, m)
     GROUP BY GROUPING SETS ((el.m, primary_type), (el.m))) x) AS abstinence,
`;
}

/**
 * One statement, one row of small aggregates per group type and in total (GROUPING SETS):
 * episodes, PDA and its change from baseline, abstinence at the milestones, craving by week.
 * Parameters: the episode scope's $1–$5, then $6 the milestones (int[]), $7 the last craving week.
 */
export const SOBRIETY_SQL = `
WITH ${episodeScopeCtes('admitted')},
in_treatment AS (
  SELECT ep.enrollment_id, ep.primary_type, ep.baseline_days_used,
    c.report_date - ep.admission_date AS day, c.days_used, c.window_days, c.craving
  FROM episode ep
  JOIN sobriety_checkin c ON c.participant_id = ep.participant_id
    AND c.report_date BETWEEN ep.admission_date AND ep.window_end
),
episode_pda AS (
  SELECT enrollment_id, primary_type,
    1 - sum(days_used)::float8 / sum(window_days) AS pda,
    1 - baseline_days_used / 30.0::float8 AS baseline_pda
  FROM in_treatment
  GROUP BY enrollment_id, primary_type, baseline_days_used
),
eligible AS (
  SELECT ep.enrollment_id, ep.participant_id, ep.admission_date, ep.primary_type, m
  FROM episode ep
  CROSS JOIN unnest($6::int[]) AS m
  WHERE ep.admission_date <= $3::date - (m + 14)
),
-- The check-in nearest to day m within m ± 14, in treatment or after discharge; ties to the later.
-- A check-in belongs to the participant's latest episode admitted on or before it.
milestone_checkin AS (
  SELECT DISTINCT ON (el.enrollment_id, el.m) el.enrollment_id, el.m, c.days_used
  FROM eligible el
  JOIN sobriety_checkin c ON c.participant_id = el.participant_id
    AND c.report_date BETWEEN el.admission_date + (el.m - 14) AND el.admission_date + (el.m + 14)
  WHERE NOT EXISTS (
    SELECT 1 FROM enrollment later
    WHERE later.participant_id = el.participant_id
      AND later.admission_date > el.admission_date AND later.admission_date <= c.report_date)
  ORDER BY el.enrollment_id, el.m, abs(c.report_date - el.admission_date - el.m), c.report_date DESC
)
${episodeAggregates('milestone_checkin')}  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT ${CELL_SQL} AS cell, day / 7 AS week,
       count(*)::int AS "checkIns", count(DISTINCT enrollment_id)::int AS episodes,
       avg(craving)::float8 AS "meanCraving"
     FROM in_treatment WHERE craving IS NOT NULL AND day / 7 <= $7::int
     GROUP BY GROUPING SETS ((day / 7, primary_type), (day / 7))) x) AS craving`;

/**
 * SOBRIETY_SQL from the derived tables: per-episode check-in sums (episode_fact), milestone
 * check-ins (episode_milestone, computed for ABSTINENCE_MILESTONES) and craving cells by admission
 * date, site and primary type (craving_cell). Same parameters and result.
 */
export const SOBRIETY_DERIVED_SQL = `
WITH ${derivedEpisodeScopeCtes('admitted')},
episode_pda AS (
  SELECT enrollment_id, primary_type,
    1 - pda_days_used::float8 / pda_window_days AS pda,
    1 - baseline_days_used / 30.0::float8 AS baseline_pda
  FROM episode
  WHERE pda_window_days IS NOT NULL
),
eligible AS (
  SELECT ep.enrollment_id, ep.primary_type, m
  FROM episode ep
  CROSS JOIN unnest($6::int[]) AS m
  WHERE ep.admission_date <= $3::date - (m + 14)
),
craving AS (
  SELECT cc.primary_type, cc.week, cc.checkins, cc.episodes, cc.craving_sum
  FROM craving_cell cc
  WHERE cc.admission_date BETWEEN $1::date AND $2::date
    AND cc.admission_date <= $3::date
    AND ($4::text[] IS NULL OR cc.site_id = ANY ($4::text[]))
    AND ($5::text[] IS NULL OR cc.primary_type = ANY ($5::text[]))
    AND cc.week <= $7::int
)
${episodeAggregates('episode_milestone')}  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT ${CELL_SQL} AS cell, week,
       sum(checkins)::int AS "checkIns", sum(episodes)::int AS episodes,
       (sum(craving_sum) / sum(checkins))::float8 AS "meanCraving"
     FROM craving
     GROUP BY GROUPING SETS ((week, primary_type), (week))) x) AS craving`;
