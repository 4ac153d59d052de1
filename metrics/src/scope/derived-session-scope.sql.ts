import { SESSION_SUM_COLUMNS } from '../derived/derived-constants';
import { isoWeekStart, PARTICIPANT_WEEK_CTE } from './session-scope.sql';

// The session scope read from the derived tables (derived-schema.ts), valid only
// while $3 is the derived as_of (see derivedAnswers). Same parameters as the live session scope:
// $1 from, $2 to, $3 as_of, $4 site ids (null = all), $5 group types.
//
// Weekly cells (one ISO week × site × group type, or × group) whose sessions all lie inside the
// period are summed as they are; a cell cut by the period's first or last day is replaced by its
// days inside the period (derived.session_type_day; derived.session_fact per group), so edge weeks stay exact.

/**
 * CTE `name`: session sums in [lo, hi] (SQL date expressions), per ISO week × site × group type
 * (`type`, with a `sessions` count) or per week × group (`group`), at the chosen sites and types.
 */
export function derivedSessionCte(name: string, grain: 'type' | 'group', lo: string, hi: string): string {
  const scols = SESSION_SUM_COLUMNS.map((c) => `s.${c}`).join(', ');
  const table = grain === 'type' ? 'derived.session_type_week' : 'derived.session_group_week';
  const keys = grain === 'type' ? 'c.site_id, c.group_type' : 'c.group_id, c.site_id, c.group_type';
  const sessionKeys = grain === 'type' ? 's.site_id, s.group_type' : 's.group_id, s.site_id, s.group_type';
  const sessions = grain === 'type' ? 'c.sessions, ' : '';
  // The days a cut week keeps: per day, site and type (derived.session_type_day), or session by session.
  const edgeSource = grain === 'type' ? 'derived.session_type_day' : 'derived.session_fact';
  const edgeSessions = grain === 'type' ? 's.sessions, ' : '';
  const join =
    grain === 'type'
      ? `c.week = s.week AND c.site_id = s.site_id AND c.group_type = s.group_type`
      : `c.week = s.week AND c.group_id = s.group_id`;
  return `
${name}_bounds AS (SELECT (${lo})::date AS lo, (${hi})::date AS hi),
${name}_edge AS (
  SELECT DISTINCT greatest(b.lo, w) AS a, least(b.hi, w + 6) AS z
  FROM ${name}_bounds b
  CROSS JOIN LATERAL (VALUES (${isoWeekStart('b.lo')}), (${isoWeekStart('b.hi')})) v(w)
  WHERE b.lo <= b.hi
    -- Only weeks with a cell cut by the period are read session by session.
    AND EXISTS (
      SELECT 1 FROM ${table} c
      WHERE c.week = w AND NOT (c.first_date >= b.lo AND c.last_date <= b.hi))
),
${name} AS (
  SELECT c.week, ${keys}, ${sessions}${SESSION_SUM_COLUMNS.map((c) => `c.${c}`).join(', ')}
  FROM ${name}_bounds b
  JOIN ${table} c ON c.week BETWEEN b.lo - 6 AND b.hi AND c.first_date >= b.lo AND c.last_date <= b.hi
  WHERE ($4::text[] IS NULL OR c.site_id = ANY ($4::text[])) AND c.group_type = ANY ($5::text[])
  UNION ALL
  SELECT s.week, ${sessionKeys}, ${edgeSessions}${scols}
  FROM ${name}_bounds b
  JOIN ${name}_edge e ON true
  JOIN ${edgeSource} s ON s.session_date BETWEEN e.a AND e.z
  JOIN ${table} c ON ${join}
  WHERE NOT (c.first_date >= b.lo AND c.last_date <= b.hi)
    AND ($4::text[] IS NULL OR s.site_id = ANY ($4::text[])) AND s.group_type = ANY ($5::text[])
)`.replace(/\n\s*\n/g, '\n');
}

/**
 * CTE `pw_count` (group_type, week, weeks, consistent, unknown, met): participant-weeks with at
 * least one non-excused row, of the all-types week (group_type NULL) and of each type's week.
 * Whole weeks come from derived.participant_week_cell. A week cut by the period's first or last day comes
 * from derived.participant_week_edge_cell, which holds every head (Monday to a day) and tail (a day to
 * Sunday) of a week per site; a week cut at both ends (a period inside one week) is recomputed from
 * its rows with the live PARTICIPANT_WEEK_CTE. Extra parameter: $6 the cell key of the all-types
 * week ('*' when all five types are chosen, else the one chosen type). Site cells add up across
 * sites only when no participant-week spans two sites (derived.meta.single_site): without it, the
 * cut weeks of all sites together are recomputed from their rows too. `intensityMinutes`: the
 * weekly minutes of intensity met (the cells were counted with the same).
 */
export const derivedParticipantWeekCte = (intensityMinutes: number): string => `
pw_bounds AS (
  SELECT $1::date AS lo, least($2::date, $3::date) AS hi,
    coalesce((SELECT single_site FROM derived.meta), false) AS single_site
),
pw_clean AS (
  SELECT c.week FROM pw_bounds b
  JOIN derived.participant_week_cell c ON c.week BETWEEN b.lo - 6 AND b.hi AND c.first_date >= b.lo AND c.last_date <= b.hi
  WHERE c.site_id = '' AND c.group_type = '*'
),
pw_edge AS (
  SELECT DISTINCT greatest(b.lo, w) AS a, least(b.hi, w + 6) AS z,
    -- Kept from its Monday or to its Sunday, and at chosen sites or sites that add up.
    (b.lo <= w OR b.hi >= w + 6) AND ($4::text[] IS NOT NULL OR b.single_site) AS from_cells
  FROM pw_bounds b
  CROSS JOIN LATERAL (VALUES (${isoWeekStart('b.lo')}), (${isoWeekStart('b.hi')})) v(w)
  WHERE b.lo <= b.hi AND w NOT IN (SELECT week FROM pw_clean)
),
scoped_session AS (
  SELECT s.session_id, s.group_id, s.session_date, s.duration_minutes, g.group_type, g.site_id,
    ${isoWeekStart('s.session_date')} AS week
  FROM pw_edge e
  JOIN group_session s ON s.session_date BETWEEN e.a AND e.z
  JOIN therapy_group g ON g.group_id = s.group_id
  WHERE NOT e.from_cells
    AND ($4::text[] IS NULL OR g.site_id = ANY ($4::text[]))
    AND g.group_type = ANY ($5::text[])
),
${PARTICIPANT_WEEK_CTE},
pw_cell AS (
  SELECT c.week, c.group_type, c.weeks, c.consistent, c.unknown, c.met
  FROM derived.participant_week_cell c
  WHERE c.week IN (SELECT week FROM pw_clean) AND c.weeks > 0
    AND (($4::text[] IS NULL AND c.site_id = '') OR c.site_id = ANY ($4::text[]))
  UNION ALL
  -- Edge cells exist only for cuts with a participant-week (weeks > 0).
  SELECT c.week, c.group_type, c.weeks, c.consistent, c.unknown, c.met
  FROM pw_edge e
  JOIN derived.participant_week_edge_cell c ON c.from_date = e.a AND c.to_date = e.z
  WHERE e.from_cells AND ($4::text[] IS NULL OR c.site_id = ANY ($4::text[]))
),
pw_count AS (
  SELECT group_type, week, weeks, consistent, unknown, met FROM pw_cell WHERE group_type = ANY ($5::text[])
  UNION ALL
  SELECT NULL, week, weeks, consistent, unknown, met FROM pw_cell WHERE group_type = $6::text
  UNION ALL
  SELECT group_type, week, 1, (absent = 0)::int, any_unknown::int,
    (NOT any_unknown AND known_minutes >= ${intensityMinutes})::int
  FROM participant_week WHERE non_excused > 0
)`;
