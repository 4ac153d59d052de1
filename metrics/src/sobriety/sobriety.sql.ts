import {
  ADMISSION_PARTS_CTES,
  CELL_SQL,
  cutMonthRows,
  episodeScopeCtes,
  siteAndTypeScope,
  wholeMonthRows,
} from '../scope';

/**
 * METRICS.md "Abstinence at 30 / 60 / 90 days", after the episode scope's `episode` CTE: `eligible`
 * (episode × milestone m of $6::int[], admitted on or before as_of − (m + 14)) and
 * `milestone_checkin` (its milestone check-in, if any). Also used by the cohort trends
 * (api/src/cohort-trends), so the definition lives here only.
 */
export const ABSTINENCE_MILESTONE_CTES = `
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
)`;

/**
 * One statement, one row of small aggregates per group type and in total (GROUPING SETS):
 * episodes, PDA and its change from baseline, abstinence at the milestones, craving by week.
 * Parameters: the episode scope's $1–$5, then $6 the milestones (int[]), $7 the last craving week
 * (below 0: no craving trend).
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
${ABSTINENCE_MILESTONE_CTES}
SELECT
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
     FROM eligible el LEFT JOIN milestone_checkin mc USING (enrollment_id, m)
     GROUP BY GROUPING SETS ((el.m, primary_type), (el.m))) x) AS abstinence,
  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT ${CELL_SQL} AS cell, day / 7 AS week,
       count(*)::int AS "checkIns", count(DISTINCT enrollment_id)::int AS episodes,
       avg(craving)::float8 AS "meanCraving"
     FROM in_treatment WHERE craving IS NOT NULL AND day / 7 <= $7::int
     GROUP BY GROUPING SETS ((day / 7, primary_type), (day / 7))) x) AS craving`;

/** The derived cells of the episode scope ($1–$5): admitted in the period, at the sites and types. */
/**
 * SOBRIETY_SQL from the derived cells: the episodes and their PDA sums (derived.episode_cell), milestone
 * counts (derived.milestone_cell, computed for ABSTINENCE_MILESTONES) and craving sums (derived.craving_cell), per
 * admission date, site and primary type for the period's cut months of admission, and the same
 * per month (derived.episode_cell_month, derived.milestone_cell_month, derived.craving_month) for its whole months. Every
 * figure is a sum of cells, so a year is a few hundred rows, not one per episode. Same parameters
 * and result.
 */
export const SOBRIETY_DERIVED_SQL = `
WITH ${ADMISSION_PARTS_CTES},
cell AS (
  SELECT ec.primary_type, ec.episodes, ec.pda_n, ec.pda_sum, ec.change_n, ec.change_sum
  FROM ${wholeMonthRows('derived.episode_cell_month', 'ec')}
  WHERE ${siteAndTypeScope('ec')}
  UNION ALL
  SELECT ec.primary_type, ec.episodes, ec.pda_n, ec.pda_sum, ec.change_n, ec.change_sum
  FROM (${cutMonthRows('derived.episode_cell', 'ec')}) ec
  WHERE ${siteAndTypeScope('ec')}
),
-- The month rows hold only the episodes eligible at the derived as_of ($3 here).
milestone AS (
  SELECT mc.primary_type, mc.m, mc.episodes, mc.responders, mc.abstinent
  FROM ${wholeMonthRows('derived.milestone_cell_month', 'mc')}
  WHERE ${siteAndTypeScope('mc')} AND mc.m = ANY ($6::int[])
  UNION ALL
  SELECT mc.primary_type, mc.m, mc.episodes, mc.responders, mc.abstinent
  FROM (${cutMonthRows('derived.milestone_cell', 'mc')}) mc
  WHERE ${siteAndTypeScope('mc')} AND mc.m = ANY ($6::int[]) AND mc.admission_date <= $3::date - (mc.m + 14)
),
craving AS (
  SELECT cm.primary_type, cm.week, cm.checkins, cm.episodes, cm.craving_sum
  FROM ${wholeMonthRows('derived.craving_month', 'cm')}
  WHERE ${siteAndTypeScope('cm')} AND cm.week <= $7::int AND $7::int >= 0
  UNION ALL
  SELECT cc.primary_type, cc.week, cc.checkins, cc.episodes, cc.craving_sum
  FROM (${cutMonthRows('derived.craving_cell', 'cc')}) cc
  WHERE ${siteAndTypeScope('cc')} AND cc.week <= $7::int AND $7::int >= 0
)
SELECT
  (SELECT json_agg(x) FROM (
     SELECT ${CELL_SQL} AS cell, coalesce(sum(episodes), 0)::int AS episodes
     FROM cell GROUP BY GROUPING SETS ((primary_type), ())) x) AS episodes,
  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT ${CELL_SQL} AS cell,
       coalesce(sum(pda_n), 0)::int AS "pdaN", sum(pda_sum) / nullif(sum(pda_n), 0) AS "pdaMean",
       coalesce(sum(change_n), 0)::int AS "changeN", sum(change_sum) / nullif(sum(change_n), 0) AS "changeMean"
     FROM cell GROUP BY GROUPING SETS ((primary_type), ())) x) AS pda,
  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT ${CELL_SQL} AS cell, m AS days,
       sum(episodes)::int AS eligible, sum(responders)::int AS responders, sum(abstinent)::int AS abstinent
     FROM milestone GROUP BY GROUPING SETS ((m, primary_type), (m))) x) AS abstinence,
  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT ${CELL_SQL} AS cell, week,
       sum(checkins)::int AS "checkIns", sum(episodes)::int AS episodes,
       (sum(craving_sum) / sum(checkins))::float8 AS "meanCraving"
     FROM craving
     GROUP BY GROUPING SETS ((week, primary_type), (week))) x) AS craving`;
