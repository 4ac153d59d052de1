// Craving cells (derived-schema.ts): in-treatment check-ins with a craving score per admission
// day, site, primary type and week of treatment, for the API's sobriety figures; again per month
// of admission. An extended episode (change-set.ts) whose primary type stayed adds its new
// check-ins to its cells; on a night that is nearly every open episode, and recounting their
// admission days read every check-in of every episode admitted on them (1.6-1.9 s of a nightly
// refresh at 100,000 participants).

import type { BuildStep, Keys } from './declaration';
import { MONTH_OF_ADMISSION } from './derived-constants';
import { changedEpisodeRows, OLD_EPISODE_FACT } from './episode-facts';

const cravingCellSql = (keys: Keys) => `
SELECT ef.admission_date, ef.site_id, ef.primary_type, (c.report_date - ef.admission_date) / 7 AS week,
  count(*), count(DISTINCT ef.enrollment_id), sum(c.craving)
FROM derived.episode_fact ef
JOIN sobriety_checkin c ON c.participant_id = ef.participant_id
  AND c.report_date BETWEEN ef.admission_date AND ef.window_end
WHERE c.craving IS NOT NULL AND ${keys.in('ef.admission_date', 'craving_day')}
GROUP BY 1, 2, 3, 4`;

// The days rebuilt from the facts: those of the recomputed episodes (as they were and are), and of
// the extended ones whose primary type changed (their check-ins move to other cells).
const CRAVING_DAY_SQL = `
SELECT admission_date FROM (${changedEpisodeRows('admission_date', ['recomputed_episode'])}) r
UNION ALL
SELECT n.admission_date
FROM derived.episode_fact n
JOIN ${OLD_EPISODE_FACT} o USING (enrollment_id)
WHERE n.enrollment_id IN (SELECT k FROM derived_affected_extended_episode)
  AND n.primary_type IS DISTINCT FROM o.primary_type`;

// The check-ins of the extended episodes whose window grew, after the old window's end, added to
// their cells. An episode counts in a week's cell once: it joins the cell with the week's first
// check-in that has a score. Run before the keyed rebuild, which replaces whatever this added to
// the cells of the rebuilt days (those of an episode whose primary type changed, among them).
const EXTENDED_CRAVING_SQL = `
WITH grown AS (
  SELECT n.enrollment_id, n.participant_id, n.admission_date, n.site_id, n.primary_type,
    o.window_end AS old_end, n.window_end AS new_end
  FROM derived.episode_fact n
  JOIN ${OLD_EPISODE_FACT} o USING (enrollment_id)
  WHERE n.enrollment_id IN (SELECT k FROM derived_affected_extended_episode) AND n.window_end > o.window_end
),
episode_week AS (
  SELECT x.participant_id, x.admission_date, x.site_id, x.primary_type, x.old_end,
    (c.report_date - x.admission_date) / 7 AS week, count(*) AS checkins, sum(c.craving) AS craving_sum
  FROM grown x
  JOIN sobriety_checkin c ON c.participant_id = x.participant_id
    AND c.report_date > x.old_end AND c.report_date <= x.new_end
  WHERE c.craving IS NOT NULL
  GROUP BY x.enrollment_id, x.participant_id, x.admission_date, x.site_id, x.primary_type, x.old_end, week
)
INSERT INTO derived.craving_cell AS t (admission_date, site_id, primary_type, week, checkins, episodes, craving_sum)
SELECT w.admission_date, w.site_id, w.primary_type, w.week, sum(w.checkins),
  count(*) FILTER (WHERE NOT EXISTS (
    SELECT 1 FROM sobriety_checkin c
    WHERE c.participant_id = w.participant_id AND c.craving IS NOT NULL
      AND c.report_date BETWEEN w.admission_date + 7 * w.week AND w.old_end)),
  sum(w.craving_sum)
FROM episode_week w
GROUP BY w.admission_date, w.site_id, w.primary_type, w.week
ON CONFLICT (admission_date, site_id, primary_type, week) DO UPDATE
SET checkins = t.checkins + excluded.checkins, episodes = t.episodes + excluded.episodes,
  craving_sum = t.craving_sum + excluded.craving_sum`;

// derived.craving_cell per month of admission (api SOBRIETY_DERIVED_SQL reads it for whole months):
// the months of every admission day whose episodes changed (`month`), which covers the cells the
// extension added to.
const cravingMonthSql = (keys: Keys) => `
SELECT date_trunc('month', admission_date)::date, site_id, primary_type, week,
  sum(checkins), sum(episodes), sum(craving_sum)
FROM derived.craving_cell
WHERE ${keys.in(MONTH_OF_ADMISSION, 'month')}
GROUP BY 1, 2, 3, 4
ORDER BY 1`;

/** After the episode facts and the `month` set (refresh.ts). */
export const CRAVING_CELL_STEPS: readonly BuildStep[] = [
  { kind: 'set', name: 'craving_day', sql: () => CRAVING_DAY_SQL },
  { kind: 'statement', name: 'craving-cell-extended', sql: EXTENDED_CRAVING_SQL },
  { kind: 'table', table: 'derived.craving_cell', key: 'admission_date', set: 'craving_day', body: cravingCellSql },
  { kind: 'table', table: 'derived.craving_month', key: 'month', set: 'month', body: cravingMonthSql },
];
