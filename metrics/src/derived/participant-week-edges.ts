// The edge cells of the participant-weeks (derived-schema.ts), for the API's
// derivedParticipantWeekCte: when a period's first or last day cuts an ISO week, that week's
// participant-weeks are formed from the days the period keeps of it, which the whole-week
// derived.participant_week_cell cannot give. Counted from the participant-weeks of participant-weeks.ts.

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
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

// A participant-week counts, and is consistent, unknown or met, by the rules of participant-weeks.ts.
// A week cut by a period keeps a head of its
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
// it does for several chosen sites.
export const EDGE_COLUMNS = 'week, from_date, to_date, site_id, group_type, weeks, consistent, unknown, met';

/**
 * The edge cells of the participant-weeks that `participantWeeks` selects (week, site_id,
 * group_type, counted_days, absent_days, unknown_days, minutes_0 … minutes_6: participant-weeks.ts).
 */
export const edgeCellSql = (intensityMinutes: number, participantWeeks: string): string => `
WITH participant_week AS (${participantWeeks}
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
