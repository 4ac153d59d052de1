// The edge cells of the participant-weeks (derived-schema.ts), for the API's
// derivedParticipantWeekCte: when a period's first or last day cuts an ISO week, that week's
// participant-weeks are formed from the days the period keeps of it, which the whole-week
// derived.participant_week_cell cannot give. Computed from the refresh's derived_episode_row, in the load's
// transaction.

import type { PoolClient } from 'pg';
import { INTENSITY_MINUTES_PER_WEEK } from '../vocabulary';
import { FULL_KEYS, type DerivedTable, type Keys } from './declaration';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
/** The days of a head, from Monday (0) on, and of a tail, from Sunday (6) back. */
const HEAD = WEEKDAYS;
const TAIL = [...WEEKDAYS].reverse();
/** The day of a condition that never holds in the week, numbered after the last. */
const NEVER = 7;

/** The first of `days` (numbered 0, 1, … in that order) set in `mask` (bit d for weekday d). */
function firstDayIn(mask: string, days: number[]): string {
  const whens = days.map((d, i) => `WHEN ${mask} & ${1 << d} <> 0 THEN ${i}`);
  return `CASE ${whens.join(' ')} ELSE ${NEVER} END`;
}

/** The first of `days` (numbered 0, 1, … in that order) by which their minutes add up to `threshold`. */
function firstDayReaching(days: number[], threshold: number): string {
  const whens = days.map((_, i) => {
    const runningSum = days.slice(0, i + 1).map((d) => `minutes_${d}`);
    return `WHEN ${runningSum.join(' + ')} >= ${threshold} THEN ${i}`;
  });
  return `CASE ${whens.join(' ')} ELSE ${NEVER} END`;
}

/** The four days that decide a participant-week's counts over a head (`HEAD`) or a tail (`TAIL`). */
const sideDays = (days: number[], threshold: number): string =>
  `${firstDayIn('counted_days', days)}, ${firstDayIn('absent_days', days)}, ` +
  `${firstDayIn('unknown_days', days)}, ${firstDayReaching(days, threshold)}`;

// A participant-week (api PARTICIPANT_WEEK_CTE) counts when it has a non-excused row; it is
// consistent when none is absent, unknown when a row has unknown (NULL) minutes, and met when not
// unknown and its known minutes reach the threshold. A week cut by a period keeps a head of its
// days (the period ends in it: Monday to a day) or a tail (the period starts in it: a day to
// Sunday). Over a head, each condition holds from some day on as days are added (minutes are never
// negative), so a participant-week comes down to four days: when it first has a non-excused row,
// an absent row, a row of unknown minutes, and enough minutes. A tail is the same with the days
// numbered back from Sunday. Participant-weeks are counted per such "shape", and every cut of the
// week is read off the shapes. A week cut at both ends (a period inside one week) is not kept: the
// API counts it from its rows.
//
// Only the grains per site are kept (episode × week × site × type, and × site over all types): the
// API adds sites up only while no participant-week spans two sites (derived.meta.single_site), as
// it does for several chosen sites. That halves the work of this statement, which adds about 8 s to
// a load at 100,000 participants (2.6 million participant-weeks).
const EDGE_COLUMNS = 'week, from_date, to_date, site_id, group_type, weeks, consistent, unknown, met';
const edgeCellSql = (intensityMinutes: number, keys: Keys): string => `
WITH participant_week AS (
  -- Bit d of a mask: the participant-week has such a row on weekday d.
  SELECT week, site_id, coalesce(group_type, '*') AS group_type,
    coalesce(bit_or(bit) FILTER (WHERE status <> 'excused'), 0) AS counted_days,
    coalesce(bit_or(bit) FILTER (WHERE status = 'absent'), 0) AS absent_days,
    coalesce(bit_or(bit) FILTER (WHERE minutes IS NULL), 0) AS unknown_days,
    ${WEEKDAYS.map((d) => `coalesce(sum(minutes) FILTER (WHERE day = ${d}), 0)::int AS minutes_${d}`).join(', ')}
  FROM (
    SELECT *, session_date - week AS day, 1 << (session_date - week) AS bit FROM derived_episode_row
    WHERE ${keys.in('week', 'week')}
  ) r
  -- ROLLUP: each type's week, and the all-types week ('*') of the episode at the site.
  GROUP BY enrollment_id, week, site_id, ROLLUP (group_type)
),
sided AS (
  SELECT week, site_id, group_type, head_counted, head_absent, head_unknown, head_reached,
    tail_counted, tail_absent, tail_unknown, tail_reached
  FROM participant_week
  CROSS JOIN LATERAL (SELECT ${sideDays(HEAD, intensityMinutes)}) h (head_counted, head_absent, head_unknown, head_reached)
  CROSS JOIN LATERAL (SELECT ${sideDays(TAIL, intensityMinutes)}) t (tail_counted, tail_absent, tail_unknown, tail_reached)
),
-- One pass counts both sides: the head grouping set leaves the tail columns NULL, and the other way round.
shape AS (
  SELECT week, site_id, group_type, GROUPING(head_counted) = 0 AS head,
    coalesce(head_counted, tail_counted) AS counted, coalesce(head_absent, tail_absent) AS absent,
    coalesce(head_unknown, tail_unknown) AS unknown, coalesce(head_reached, tail_reached) AS reached,
    count(*) AS participant_weeks
  FROM sided
  GROUP BY GROUPING SETS (
    (week, site_id, group_type, head_counted, head_absent, head_unknown, head_reached),
    (week, site_id, group_type, tail_counted, tail_absent, tail_unknown, tail_reached))
)
-- A cut keeps days 0..k of its side (k = 6 would be the whole week, which derived.participant_week_cell has).
SELECT week,
  CASE WHEN head THEN week ELSE week + 6 - k END AS from_date,
  CASE WHEN head THEN week + k ELSE week + 6 END AS to_date,
  site_id, group_type,
  sum(participant_weeks) FILTER (WHERE counted <= k),
  coalesce(sum(participant_weeks) FILTER (WHERE counted <= k AND absent > k), 0),
  coalesce(sum(participant_weeks) FILTER (WHERE counted <= k AND unknown <= k), 0),
  coalesce(sum(participant_weeks) FILTER (WHERE counted <= k AND unknown > k AND reached <= k), 0)
FROM shape
CROSS JOIN generate_series(0, 5) AS k
GROUP BY week, site_id, group_type, head, k
-- As the API reads derived.participant_week_cell (weeks > 0), a cut without a participant-week has no cell.
HAVING bool_or(counted <= k)`;

/** derived.participant_week_edge_cell, keyed by week, from the build's derived_episode_row. */
export const PARTICIPANT_WEEK_EDGE_CELL: DerivedTable = {
  kind: 'table',
  table: 'derived.participant_week_edge_cell',
  key: 'week',
  set: 'week',
  columns: EDGE_COLUMNS,
  body: (keys) => edgeCellSql(INTENSITY_MINUTES_PER_WEEK, keys),
};

/** Fills derived.participant_week_edge_cell from every row of derived_episode_row; `intensityMinutes` as for derived.participant_week_cell's met. */
export async function refreshParticipantWeekEdges(client: PoolClient, intensityMinutes: number): Promise<void> {
  await client.query(
    `INSERT INTO derived.participant_week_edge_cell (${EDGE_COLUMNS}) ${edgeCellSql(intensityMinutes, FULL_KEYS)}`,
  );
}
