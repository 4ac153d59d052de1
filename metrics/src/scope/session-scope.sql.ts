import { ATTENDED_SQL as ATTENDED } from '../vocabulary';
import type { Scope } from './scope';

// The session scope of docs/METRICS.md ("Scope of a query"): attendance rows whose session_date is
// in [from, to] and on or before as_of, of groups at the chosen sites whose type is selected.
// Every session query binds the same five parameters, in this order.

/** $1 from, $2 to, $3 as_of, $4 site ids (null = all), $5 group types. */
export function sessionScopeParams(scope: Scope): [string, string, string, string[] | null, string[]] {
  return [scope.from, scope.to, scope.asOf, scope.siteIds, scope.groupTypes];
}

/** Monday of the ISO week of a date column, as a date (no time zone can shift it). */
export function isoWeekStart(dateColumn: string): string {
  return `(${dateColumn} - (extract(isodow FROM ${dateColumn})::int - 1))`;
}

/** ISO week label of a Monday date column, e.g. 2025-W01 for 2024-12-30. */
export function isoWeekLabel(mondayColumn: string): string {
  return `to_char(${mondayColumn}, 'IYYY-"W"IW')`;
}

/**
 * CTE `scoped_session`: the sessions in scope with their group's type and site and ISO week.
 * Uses group_session(session_date) for the period and therapy_group's key for sites and types.
 */
export const SCOPED_SESSION_CTE = `
scoped_session AS (
  SELECT s.session_id, s.group_id, s.session_date, s.duration_minutes, g.group_type, g.site_id,
    ${isoWeekStart('s.session_date')} AS week
  FROM group_session s
  JOIN therapy_group g ON g.group_id = s.group_id
  WHERE s.session_date BETWEEN $1::date AND least($2::date, $3::date)
    AND ($4::text[] IS NULL OR g.site_id = ANY ($4::text[]))
    AND g.group_type = ANY ($5::text[])
)`;

/**
 * CTE `participant_week` (after SCOPED_SESSION_CTE): one row per episode × ISO week, once over all
 * group types (group_type NULL) and once per type (only that type's rows form the week). A row
 * belongs to the participant's episode whose window covers the session date (episodes of one
 * participant never overlap; the loader refuses rows outside every episode).
 *
 * Hours of a row (METRICS.md, Attendance): minutes_attended when given; else the session's
 * duration for present/late/left_early; 0 for absent or excused; unknown (NULL) when neither.
 */
export const PARTICIPANT_WEEK_CTE = `
participant_type_week AS (
  SELECT e.enrollment_id, s.week, s.group_type,
    count(*) FILTER (WHERE a.status <> 'excused')::int AS non_excused,
    count(*) FILTER (WHERE a.status = 'absent')::int AS absent,
    sum(h.minutes)::int AS known_minutes,
    bool_or(h.minutes IS NULL) AS any_unknown
  FROM scoped_session s
  JOIN attendance a ON a.session_id = s.session_id
  JOIN enrollment e ON e.participant_id = a.participant_id
    AND e.admission_date <= s.session_date
    AND (e.discharge_date IS NULL OR e.discharge_date >= s.session_date)
  CROSS JOIN LATERAL (
    SELECT CASE
      WHEN a.minutes_attended IS NOT NULL THEN a.minutes_attended
      WHEN a.status IN ${ATTENDED} THEN s.duration_minutes
      ELSE 0
    END AS minutes
  ) h
  GROUP BY e.enrollment_id, s.week, s.group_type
),
participant_week AS (
  SELECT enrollment_id, week, group_type, non_excused, absent, known_minutes, any_unknown
  FROM participant_type_week
  UNION ALL
  -- The all-types week, summed from its (few) per-type weeks rather than from the rows again.
  SELECT enrollment_id, week, NULL, sum(non_excused)::int, sum(absent)::int, sum(known_minutes)::int, bool_or(any_unknown)
  FROM participant_type_week
  GROUP BY enrollment_id, week
)`;
