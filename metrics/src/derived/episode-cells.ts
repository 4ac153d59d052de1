// Episode cells (derived-schema.ts):
// derived.episode_fact and derived.episode_milestone summed per admission date, site and primary type, for the
// API's sobriety and accountability figures (api/src/sobriety, api/src/accountability), and
// sobriety's cells again per month of admission. Read after those two tables are filled, in the
// same transaction.

import { ABSTINENCE_MILESTONES } from '../vocabulary';
import type { BuildStep, Keys } from './declaration';

// PDA = 1 − days used ÷ days in the check-ins' windows, per episode with in-treatment check-ins;
// its change from baseline needs a baseline (api SOBRIETY_SQL: episode_pda). Then the episodes'
// accountability sums (api EPISODE_ACCOUNTABILITY_SQL: adherence and goal).
const episodeCellSql = (keys: Keys) => `
SELECT admission_date, site_id, primary_type, count(*),
  count(pda),
  coalesce(sum(pda), 0),
  count(pda - baseline_pda),
  coalesce(sum(pda - baseline_pda), 0),
  count(*) FILTER (WHERE active_weeks > 0),
  sum(active_weeks),
  sum(checkin_weeks),
  count(*) FILTER (WHERE goals_rated > 0),
  sum(goals_met),
  sum(goals_rated)
FROM (
  SELECT admission_date, site_id, primary_type,
    1 - pda_days_used::float8 / pda_window_days AS pda,
    1 - baseline_days_used / 30.0::float8 AS baseline_pda,
    active_weeks, checkin_weeks, goals_met, goals_rated
  FROM derived.episode_fact
  WHERE ${keys.in('admission_date', 'admission_day')}
) e
GROUP BY 1, 2, 3`;

// One row per cell and milestone; $1 the milestones (derived.episode_milestone's).
const milestoneCellSql = (keys: Keys) => `
SELECT ef.admission_date, ef.site_id, ef.primary_type, ms.m, count(*), count(em.enrollment_id),
  count(*) FILTER (WHERE em.days_used = 0)
FROM derived.episode_fact ef
CROSS JOIN unnest($1::int[]) AS ms (m)
LEFT JOIN derived.episode_milestone em ON em.enrollment_id = ef.enrollment_id AND em.m = ms.m
WHERE ${keys.in('ef.admission_date', 'admission_day')}
GROUP BY 1, 2, 3, 4`;

// Sobriety's sums per month of admission (api SOBRIETY_DERIVED_SQL reads them for whole months).
const episodeCellMonthSql = (keys: Keys) => `
SELECT date_trunc('month', admission_date)::date, site_id, primary_type,
  sum(episodes), sum(pda_n), sum(pda_sum), sum(change_n), sum(change_sum)
FROM derived.episode_cell
WHERE ${keys.in(`date_trunc('month', admission_date)::date`, 'month')}
GROUP BY 1, 2, 3
ORDER BY 1`;

// Only the episodes eligible for milestone m at as_of ($1): admitted at least m + 14 days before.
const milestoneCellMonthSql = (keys: Keys) => `
SELECT date_trunc('month', admission_date)::date, site_id, primary_type, m,
  sum(episodes), sum(responders), sum(abstinent)
FROM derived.milestone_cell
WHERE admission_date <= $1::date - (m + 14) AND ${keys.in(`date_trunc('month', admission_date)::date`, 'month')}
GROUP BY 1, 2, 3, 4
ORDER BY 1`;

/** Keyed by admission day (the cells) and by month (their sums), from derived.episode_fact and derived.episode_milestone. */
export const EPISODE_CELL_STEPS: readonly BuildStep[] = [
  { kind: 'table', table: 'derived.episode_cell', key: 'admission_date', set: 'admission_day', body: episodeCellSql },
  {
    kind: 'table',
    table: 'derived.milestone_cell',
    key: 'admission_date',
    set: 'admission_day',
    body: milestoneCellSql,
    params: () => [ABSTINENCE_MILESTONES],
  },
  { kind: 'table', table: 'derived.episode_cell_month', key: 'month', set: 'month', body: episodeCellMonthSql },
  {
    kind: 'table',
    table: 'derived.milestone_cell_month',
    key: 'month',
    set: 'month',
    body: milestoneCellMonthSql,
    params: (c) => [c.asOf],
  },
];
