// Craving cells (derived-schema.ts): in-treatment check-ins with a craving score per admission
// day, site, primary type and week of treatment, for the API's sobriety figures; again per month
// of admission. Each episode's check-ins per week are stored (derived.craving_episode_week), and a
// keyed build keeps the cells by differences: the changed episodes' weeks as they were leave their
// cells, as they are now enter theirs. Rebuilding the cells of the changed episodes' admission
// days instead read nearly every check-in each night (a night's open and discharged episodes
// reach most admission days: 338 of them, 99,922 of 109,690 episodes at 100,000 participants).

import type { BuildStep, Keys } from './declaration';
import { MONTH_OF_ADMISSION } from './derived-constants';
import { OLD_EPISODE_FACT } from './episode-facts';

const CHANGED = `enrollment_id IN (SELECT k FROM derived_affected_recomputed_episode)
  OR enrollment_id IN (SELECT k FROM derived_affected_extended_episode)`;

/** The week of treatment (0 from the admission day) of check-in `c` of episode `ef`. */
const weekOf = (c: string, ef: string) => `(${c}.report_date - ${ef}.admission_date) / 7`;

// An episode's check-ins with a score per week of treatment.
const episodeWeekSql = (keys: Keys) => `
SELECT ef.enrollment_id, ${weekOf('c', 'ef')}, count(*), sum(c.craving)
FROM derived.episode_fact ef
JOIN sobriety_checkin c ON c.participant_id = ef.participant_id
  AND c.report_date BETWEEN ef.admission_date AND ef.window_end
WHERE c.craving IS NOT NULL AND ${keys.in('ef.enrollment_id', 'recomputed_episode')}
GROUP BY 1, 2`;

// The changed episodes' weeks in their cells as stored, before the keyed build changes them.
const OLD_EPISODE_WEEK = 'derived_old_craving_episode_week';
const OLD_EPISODE_WEEK_SQL = `
SELECT o.admission_date, o.site_id, o.primary_type, w.week, w.checkins, w.craving_sum
FROM derived.craving_episode_week w
JOIN ${OLD_EPISODE_FACT} o USING (enrollment_id)
WHERE ${CHANGED}`;

// An extended episode's check-ins after its old window's end, added to its weeks.
const EXTENDED_EPISODE_WEEK_SQL = `
INSERT INTO derived.craving_episode_week AS t (enrollment_id, week, checkins, craving_sum)
SELECT n.enrollment_id, ${weekOf('c', 'n')}, count(*), sum(c.craving)
FROM derived.episode_fact n
JOIN ${OLD_EPISODE_FACT} o USING (enrollment_id)
JOIN sobriety_checkin c ON c.participant_id = n.participant_id
  AND c.report_date > o.window_end AND c.report_date <= n.window_end
WHERE n.enrollment_id IN (SELECT k FROM derived_affected_extended_episode) AND c.craving IS NOT NULL
GROUP BY 1, 2
ON CONFLICT (enrollment_id, week) DO UPDATE
SET checkins = t.checkins + excluded.checkins, craving_sum = t.craving_sum + excluded.craving_sum`;

const CELL_COLUMNS = 'admission_date, site_id, primary_type, week';

// An episode counts once in each week's cell it has a row of.
const cravingCellSql = () => `
SELECT ef.admission_date, ef.site_id, ef.primary_type, w.week, sum(w.checkins), count(*), sum(w.craving_sum)
FROM derived.craving_episode_week w
JOIN derived.episode_fact ef USING (enrollment_id)
GROUP BY 1, 2, 3, 4`;

// The changed episodes' weeks now, less those as they were, added to the cells.
const CELL_DIFFERENCE_SQL = `
INSERT INTO derived.craving_cell AS t (${CELL_COLUMNS}, checkins, episodes, craving_sum)
SELECT ${CELL_COLUMNS}, sum(checkins), sum(episodes), sum(craving_sum)
FROM (
  SELECT ef.admission_date, ef.site_id, ef.primary_type, w.week, w.checkins, 1 AS episodes, w.craving_sum
  FROM derived.craving_episode_week w
  JOIN derived.episode_fact ef USING (enrollment_id)
  WHERE ${CHANGED.replace(/enrollment_id/g, 'w.enrollment_id')}
  UNION ALL
  SELECT ${CELL_COLUMNS}, -checkins, -1, -craving_sum FROM ${OLD_EPISODE_WEEK}
) d
GROUP BY ${CELL_COLUMNS}
HAVING sum(episodes) <> 0 OR sum(checkins) <> 0 OR sum(craving_sum) <> 0
ON CONFLICT (${CELL_COLUMNS}) DO UPDATE
SET checkins = t.checkins + excluded.checkins, episodes = t.episodes + excluded.episodes,
  craving_sum = t.craving_sum + excluded.craving_sum`;

// derived.craving_cell per month of admission (api SOBRIETY_DERIVED_SQL reads it for whole months).
const cravingMonthSql = (keys: Keys) => `
SELECT date_trunc('month', admission_date)::date, site_id, primary_type, week,
  sum(checkins), sum(episodes), sum(craving_sum)
FROM derived.craving_cell
WHERE ${keys.in(MONTH_OF_ADMISSION, 'month')}
GROUP BY 1, 2, 3, 4
ORDER BY 1`;

/** After the episode facts and the `month` set (refresh.ts). */
export const CRAVING_CELL_STEPS: readonly BuildStep[] = [
  { kind: 'temp', table: OLD_EPISODE_WEEK, incrementalOnly: true, body: () => OLD_EPISODE_WEEK_SQL },
  {
    kind: 'table',
    table: 'derived.craving_episode_week',
    key: 'enrollment_id',
    set: 'recomputed_episode',
    body: episodeWeekSql,
  },
  { kind: 'statement', name: 'craving-episode-week-extended', sql: EXTENDED_EPISODE_WEEK_SQL },
  // Kept by differences in a keyed build (no set), rebuilt whole by a full one.
  { kind: 'table', table: 'derived.craving_cell', key: 'admission_date', body: cravingCellSql },
  { kind: 'statement', name: 'craving-cell-difference', sql: CELL_DIFFERENCE_SQL },
  { kind: 'statement', name: 'craving-cell-emptied', sql: `DELETE FROM derived.craving_cell WHERE episodes = 0` },
  { kind: 'table', table: 'derived.craving_month', key: 'month', set: 'month', body: cravingMonthSql },
];
