// The adjusted comparison's per-episode table (derived-schema.ts): the covariates of
// METRICS.md "Adjusted comparisons", the primary group type and the episode's group within it (the
// funnel plot of groups), and the retention time and event (METRICS.md "Retention": completing is
// never dropping out, so a completed episode stays at risk until as_of). The API's live SQL
// (metrics/src/adjusted) computes the same from the source rows; its derived-vs-live e2e test holds the
// two to the same answers.

import { mostRowsChoiceSql } from '../scope/episode-scope.sql';
import { CHANGE_TABLES } from './change-set';
import type { BuildStep, Keys } from './declaration';

/** Age band at admission (admission year − birth year), as METRICS.md bands it; 'unknown' without a birth year. */
export const ageBandSql = (admissionDate: string, birthYear: string) => `
    CASE WHEN ${birthYear} IS NULL THEN 'unknown'
         WHEN extract(year FROM ${admissionDate}) - ${birthYear} < 25 THEN 'under 25'
         WHEN extract(year FROM ${admissionDate}) - ${birthYear} < 35 THEN '25-34'
         WHEN extract(year FROM ${admissionDate}) - ${birthYear} < 45 THEN '35-44'
         WHEN extract(year FROM ${admissionDate}) - ${birthYear} < 55 THEN '45-54'
         ELSE '55 and over' END`;

/** A missing categorical covariate is its own level. */
export const coOccurringSql = (value: string) =>
  `CASE WHEN ${value} IS NULL THEN 'unknown' WHEN ${value} THEN 'yes' ELSE 'no' END`;

/**
 * An episode's group for the funnel plot: within its primary group type, the group with the most
 * attendance rows in the episode window (ties: earliest first session, then group id), as the
 * primary type itself is chosen (derived.episode_fact). `episodes` names a relation with enrollment_id,
 * participant_id, admission_date, window_end and primary_type.
 */
export const episodeGroupCtes = (episodes: string) => `
episode_group_rows AS (
  SELECT e.enrollment_id, g.group_id, count(*) AS row_count, min(s.session_date) AS first_session
  FROM ${episodes} e
  JOIN attendance a ON a.participant_id = e.participant_id
  JOIN group_session s ON s.session_id = a.session_id AND s.session_date BETWEEN e.admission_date AND e.window_end
  JOIN therapy_group g ON g.group_id = s.group_id AND g.group_type = e.primary_type
  GROUP BY e.enrollment_id, g.group_id
),
episode_group AS (${mostRowsChoiceSql('episode_group_rows', 'group_id')})`;

/**
 * Each episode's covariates, group, end of follow-up and outcomes (columns of derived.episode_covariate).
 * Reads derived.episode_fact and derived.episode_group_rows, so it runs after them. Nothing stored
 * depends on the as-of date, so that a load that moves it rebuilds only the episodes it changed:
 * the follow-up of an episode that is open or completed runs to the as-of, and is stored as NULL
 * (follow_up_end); the reads take the retention time as coalesce(follow_up_end, as_of) −
 * admission_date.
 */
const episodeCovariateSql = (keys: Keys) => `
WITH episode AS (
  SELECT ef.enrollment_id, ef.participant_id, ef.site_id, ef.admission_date, ef.window_end, ef.primary_type,
    ef.baseline_days_used, ef.discharge_reason
  FROM derived.episode_fact ef
  WHERE ${keys.in('ef.enrollment_id', 'covariate_episode')}
),
-- The stored rows per group (episode-facts.ts) of the primary type, chosen as episodeGroupCtes does.
episode_group AS (${mostRowsChoiceSql(
  `(SELECT r.enrollment_id, r.group_id, r.row_count, r.first_session
    FROM derived.episode_group_rows r JOIN episode e USING (enrollment_id)
    WHERE r.group_type = e.primary_type) group_rows`,
  'group_id',
)})
SELECT e.enrollment_id, e.admission_date, e.site_id, e.primary_type, eg.group_id,
  ${ageBandSql('e.admission_date', 'p.birth_year')},
  coalesce(p.gender, 'unknown'), coalesce(p.primary_substance, 'unknown'), ${coOccurringSql('p.co_occurring')},
  e.baseline_days_used,
  CASE WHEN e.discharge_reason <> 'completed' THEN e.window_end END,
  coalesce(e.discharge_reason IN ('dropped_out', 'terminated'), false),
  e.discharge_reason IS NOT NULL,
  coalesce(e.discharge_reason = 'completed', false)
FROM episode e
JOIN participant p ON p.participant_id = e.participant_id
LEFT JOIN episode_group eg ON eg.enrollment_id = e.enrollment_id`;

export const EPISODE_COVARIATE_STEPS: readonly BuildStep[] = [
  // The episodes recomputed (their windows, rows or primary type may have changed) and those of
  // the participants the load wrote (their birth year, gender, substance or co-occurring).
  {
    kind: 'set',
    name: 'covariate_episode',
    sql: () => `SELECT k FROM derived_affected_episode
      UNION ALL SELECT enrollment_id FROM enrollment
      WHERE participant_id IN (SELECT participant_id FROM ${CHANGE_TABLES.participant})`,
  },
  {
    kind: 'table',
    table: 'derived.episode_covariate',
    key: 'enrollment_id',
    set: 'covariate_episode',
    body: episodeCovariateSql,
  },
];
