/**
 * The episode scope of METRICS.md ("Scope of a query"), shared by every episode metric, as a list
 * of CTEs ending in `episode`. Positional parameters, always in this order:
 *   $1 from, $2 to, $3 as_of (dates), $4 site ids (text[], NULL = all sites),
 *   $5 group types (text[], NULL = no group-type filter).
 * Metric SQL appends its own parameters from $6 on.
 *
 * `episode` has one row per episode in scope:
 *   enrollment_id, participant_id, site_id, admission_date, baseline_days_used,
 *   discharge_date / discharge_reason (NULL when open at as_of, including a discharge after as_of),
 *   window_end (discharge_date, or as_of while open), primary_type (NULL without attendance).
 */

/**
 * Each episode's choice among its rows' groups (METRICS.md, the primary group type; the funnel's
 * group within it): `rows` has enrollment_id, `choice`, row_count and first_session per episode
 * and candidate; the one with the most rows wins, ties to the earliest first session, then the
 * alphabetically first code.
 */
export const mostRowsChoiceSql = (rows: string, choice: string) => `
  SELECT DISTINCT ON (enrollment_id) enrollment_id, ${choice}
  FROM ${rows}
  ORDER BY enrollment_id, row_count DESC, first_session, ${choice} COLLATE "C"`;

/** Which episodes a query starts from. */
export type EpisodeSelection =
  /** Admitted in [from, to] (the episode metrics). */
  | 'admitted'
  /** Whose window [admission, discharge or as_of] overlaps [from, to] (the program overview). */
  | 'overlapping';

export const EPISODE_SCOPE_PARAM_COUNT = 5;

const SELECTION_SQL: Record<EpisodeSelection, string> = {
  admitted: `e.admission_date BETWEEN $1::date AND $2::date`,
  overlapping: `e.admission_date <= $2::date AND (e.discharge_date IS NULL OR e.discharge_date >= $1::date)`,
};

export function episodeScopeCtes(selection: EpisodeSelection = 'admitted'): string {
  return `
scoped_enrollment AS (
  SELECT e.enrollment_id, e.participant_id, e.site_id, e.admission_date, e.baseline_days_used,
    -- A discharge after as_of is not known yet at as_of: the episode is still open.
    CASE WHEN e.discharge_date <= $3::date THEN e.discharge_date END AS discharge_date,
    CASE WHEN e.discharge_date <= $3::date THEN e.discharge_reason END AS discharge_reason,
    least(coalesce(e.discharge_date, $3::date), $3::date) AS window_end
  FROM enrollment e
  WHERE ${SELECTION_SQL[selection]}
    AND e.admission_date <= $3::date
    AND ($4::text[] IS NULL OR e.site_id = ANY ($4::text[]))
),
-- Attendance rows (any status) per episode and group type, on sessions inside the episode window.
-- Episodes of one participant never overlap, so a row dated in the window is this episode's.
episode_type_rows AS (
  SELECT se.enrollment_id, g.group_type, count(*) AS row_count, min(s.session_date) AS first_session
  FROM scoped_enrollment se
  JOIN attendance a ON a.participant_id = se.participant_id
  JOIN group_session s ON s.session_id = a.session_id
    AND s.session_date BETWEEN se.admission_date AND se.window_end
  JOIN therapy_group g ON g.group_id = s.group_id
  GROUP BY se.enrollment_id, g.group_type
),
episode_primary_type AS (${mostRowsChoiceSql('episode_type_rows', 'group_type')}),
episode AS (
  SELECT se.*, pt.group_type AS primary_type
  FROM scoped_enrollment se
  LEFT JOIN episode_primary_type pt USING (enrollment_id)
  -- With a group-type filter only episodes of those primary types remain; without one, episodes
  -- with no primary type stay in (they count in totals, in no group type).
  WHERE $5::text[] IS NULL OR pt.group_type = ANY ($5::text[])
)`;
}

/**
 * The derived counterpart of episodeScopeCtes(): the same `episode` CTE, same columns and
 * parameters ($1–$5), read from derived.episode_fact. Valid only while $3 is the derived as_of.
 */
export function derivedEpisodeScopeCtes(selection: 'admitted' | 'overlapping' = 'admitted'): string {
  const period =
    selection === 'admitted'
      ? `ef.admission_date BETWEEN $1::date AND $2::date`
      : `ef.admission_date <= $2::date AND (ef.discharge_date IS NULL OR ef.discharge_date >= $1::date)`;
  return `
episode AS (
  SELECT ef.enrollment_id, ef.participant_id, ef.site_id, ef.admission_date, ef.baseline_days_used,
    ef.discharge_date, ef.discharge_reason, ef.window_end, ef.primary_type,
    ef.pda_days_used, ef.pda_window_days, ef.active_weeks, ef.checkin_weeks, ef.goals_met, ef.goals_rated,
    ef.previous_window_end
  FROM derived.episode_fact ef
  WHERE ${period}
    AND ef.admission_date <= $3::date
    AND ($4::text[] IS NULL OR ef.site_id = ANY ($4::text[]))
    AND ($5::text[] IS NULL OR ef.primary_type = ANY ($5::text[]))
)`;
}
