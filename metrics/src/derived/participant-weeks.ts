// The participant-week tables (derived-schema.ts) for the API's derivedParticipantWeekCte: the
// whole-week cells, the edge cells of weeks cut by a period (participant-week-edges.ts) and the
// participant-weeks at two sites. All are keyed by week and read the refresh's derived_episode_row
// through two temporary tables, so that its rows (4 million at 100,000 participants) are grouped
// once: the participant-weeks per site and group type, and per site over all types.

import type { PoolClient } from 'pg';
import { INTENSITY_MINUTES_PER_WEEK } from '../vocabulary';
import { createTemp, FULL_KEYS, type BuildStep, type DerivedTable, type Keys, type TempTable } from './declaration';
import { edgeCellSql, EDGE_COLUMNS, WEEKDAYS } from './participant-week-edges';

const ALL = `'*'`;
const PARTICIPANT_WEEK = 'derived_participant_week';
const SITE_WEEK = 'derived_participant_site_week';

// A participant-week (api PARTICIPANT_WEEK_CTE) counts when it has a non-excused row; it is
// consistent when none is absent, unknown when a row has unknown (NULL) minutes, and met when not
// unknown and its known minutes reach the threshold. Kept as the weekdays (bit d: weekday d) with
// such rows and the minutes of each weekday, from which the edge cells also read any cut of the week.
const MINUTES = WEEKDAYS.map((d) => `minutes_${d}`);
const DAY_FACTS = ['counted_days', 'absent_days', 'unknown_days', ...MINUTES];

/** Per episode, week, site and group type. */
const participantWeekSql = (keys: Keys) => `
SELECT enrollment_id, week, site_id, group_type,
  min(session_date) AS first_date, max(session_date) AS last_date,
  coalesce(bit_or(bit) FILTER (WHERE status <> 'excused'), 0) AS counted_days,
  coalesce(bit_or(bit) FILTER (WHERE status = 'absent'), 0) AS absent_days,
  coalesce(bit_or(bit) FILTER (WHERE minutes IS NULL), 0) AS unknown_days,
  ${WEEKDAYS.map((d) => `coalesce(sum(minutes) FILTER (WHERE day = ${d}), 0)::int AS minutes_${d}`).join(', ')}
FROM (
  SELECT *, session_date - week AS day, 1 << (session_date - week) AS bit FROM derived_episode_row
  WHERE ${keys.in('week', 'week')}
) r
GROUP BY enrollment_id, week, site_id, group_type`;

/** The facts of the participant-weeks of a group of them, as one participant-week. */
const ADDED_UP =
  `min(first_date) AS first_date, max(last_date) AS last_date, ` +
  `${DAY_FACTS.map((f) => (f.endsWith('_days') ? `bit_or(${f})` : `sum(${f})::int`) + ` AS ${f}`).join(', ')}`;

/** Per episode, week and site, over every group type. */
const SITE_WEEK_SQL = `
SELECT enrollment_id, week, site_id, ${ADDED_UP}
FROM ${PARTICIPANT_WEEK}
GROUP BY enrollment_id, week, site_id`;

// The participant-weeks with rows at two sites or more: derived.meta.single_site says there are none.
const MULTI_SITE_WEEK_SQL = `
SELECT week, enrollment_id FROM ${SITE_WEEK} GROUP BY enrollment_id, week HAVING count(*) > 1`;

const ONE_SITE = (alias: string) => `NOT EXISTS (
    SELECT 1 FROM derived.participant_week_multi_site m WHERE m.week = ${alias}.week AND m.enrollment_id = ${alias}.enrollment_id)`;
const FACTS = `first_date, last_date, counted_days, absent_days, unknown_days, ${MINUTES.join(' + ')} AS known_minutes`;

// The participant-weeks of each grain the filters need: per site and type and per site (the two
// temporary tables), and over every site per type and over all. A participant-week at one site
// (nearly all) is the same over every site, so only those at two sites or more are added up.
const PARTICIPANT_WEEK_CELL_SQL = `
WITH weeks AS (
  SELECT week, site_id, group_type, ${FACTS} FROM ${PARTICIPANT_WEEK}
  UNION ALL SELECT week, site_id, ${ALL}, ${FACTS} FROM ${SITE_WEEK}
  UNION ALL SELECT week, '', group_type, ${FACTS} FROM ${PARTICIPANT_WEEK} p WHERE ${ONE_SITE('p')}
  UNION ALL SELECT week, '', ${ALL}, ${FACTS} FROM ${SITE_WEEK} p WHERE ${ONE_SITE('p')}
  UNION ALL SELECT week, '', coalesce(group_type, ${ALL}), ${FACTS}
  FROM (
    SELECT week, group_type, ${ADDED_UP}
    FROM ${PARTICIPANT_WEEK} p WHERE NOT ${ONE_SITE('p')}
    GROUP BY GROUPING SETS ((enrollment_id, week, group_type), (enrollment_id, week))
  ) several_sites
)
SELECT week, site_id, group_type, min(first_date), max(last_date),
  count(*) FILTER (WHERE counted_days <> 0),
  count(*) FILTER (WHERE counted_days <> 0 AND absent_days = 0),
  count(*) FILTER (WHERE counted_days <> 0 AND unknown_days <> 0),
  count(*) FILTER (WHERE counted_days <> 0 AND unknown_days = 0 AND known_minutes >= ${INTENSITY_MINUTES_PER_WEEK})
FROM weeks
GROUP BY week, site_id, group_type`;

// Per site and type, and per site over all types ('*'), as the edge cells count them.
const EDGE_PARTICIPANT_WEEKS = `
  SELECT week, site_id, group_type, ${DAY_FACTS.join(', ')} FROM ${PARTICIPANT_WEEK}
  UNION ALL SELECT week, site_id, ${ALL}, ${DAY_FACTS.join(', ')} FROM ${SITE_WEEK}`;

const temp = (table: string, body: TempTable['body']): TempTable => ({ kind: 'temp', table, body });
const byWeek = (table: string, body: DerivedTable['body'], columns?: string): DerivedTable => ({
  kind: 'table',
  table,
  key: 'week',
  set: 'week',
  body,
  columns,
});

// The participant-weeks the cells read: per site and type, then per site over all types.
const PARTICIPANT_WEEK_TEMPS = [temp(PARTICIPANT_WEEK, participantWeekSql), temp(SITE_WEEK, () => SITE_WEEK_SQL)];

/** The participant-week tables, in build order (after derived_episode_row). */
export const PARTICIPANT_WEEK_STEPS: readonly BuildStep[] = [
  ...PARTICIPANT_WEEK_TEMPS,
  // Before the cells, which read it.
  byWeek('derived.participant_week_multi_site', () => MULTI_SITE_WEEK_SQL),
  byWeek('derived.participant_week_cell', () => PARTICIPANT_WEEK_CELL_SQL),
  byWeek(
    'derived.participant_week_edge_cell',
    () => edgeCellSql(INTENSITY_MINUTES_PER_WEEK, EDGE_PARTICIPANT_WEEKS),
    EDGE_COLUMNS,
  ),
];

/**
 * Fills derived.participant_week_edge_cell from every row of a derived_episode_row made by the
 * caller; `intensityMinutes` as for derived.participant_week_cell's met (for the edge cells' test).
 */
export async function refreshParticipantWeekEdges(client: PoolClient, intensityMinutes: number): Promise<void> {
  // Their bodies take no parameters, so no as-of.
  for (const step of PARTICIPANT_WEEK_TEMPS)
    await createTemp(client, step, FULL_KEYS, { asOf: '', previousAsOf: null });
  await client.query(
    `INSERT INTO derived.participant_week_edge_cell (${EDGE_COLUMNS}) ${edgeCellSql(intensityMinutes, EDGE_PARTICIPANT_WEEKS)}`,
  );
}
