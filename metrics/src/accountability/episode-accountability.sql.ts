import { admissionCellScope, CELL_SQL, episodeScopeCtes } from '../scope';

/**
 * Check-in adherence (METRICS.md, Accountability 2), per episode: `adherence` (enrollment_id,
 * active_weeks, checkin_weeks) from the episodes `episodes` (enrollment_id, participant_id,
 * admission_date, window_end) and their active weeks `activeWeeks` (enrollment_id, week: ISO weeks,
 * labelled by their Monday, in which the episode has an attendance row in its window). The one
 * definition for the live statement below and for the derived episode facts (derived/refresh.ts).
 * A week counts when the episode has a check-in in it: from admission to the end of the window's
 * last week (a follow-up later in the discharge week counts), never after as_of (`asOf`), and never
 * one that belongs to a later episode of the participant.
 */
export const checkInAdherenceCtes = (episodes: string, activeWeeks: string, asOf: string) => `
checkin_week AS (
  SELECT DISTINCT ep.enrollment_id, date_trunc('week', c.report_date)::date AS week
  FROM ${episodes} ep
  JOIN sobriety_checkin c ON c.participant_id = ep.participant_id
    AND c.report_date BETWEEN ep.admission_date
      AND least(${asOf}::date, date_trunc('week', ep.window_end)::date + 6)
  WHERE NOT EXISTS (
    SELECT 1 FROM enrollment later
    WHERE later.participant_id = ep.participant_id
      AND later.admission_date > ep.admission_date AND later.admission_date <= c.report_date)
),
adherence AS (
  SELECT aw.enrollment_id, count(*) AS active_weeks, count(cw.week) AS checkin_weeks
  FROM ${activeWeeks} aw LEFT JOIN checkin_week cw USING (enrollment_id, week)
  GROUP BY aw.enrollment_id
)`;

/**
 * Check-in adherence and goal attainment (METRICS.md, Accountability 2 and 4), per primary group
 * type and in total. Parameters: the episode scope's $1–$5.
 */
export const EPISODE_ACCOUNTABILITY_SQL = `
WITH ${episodeScopeCtes('admitted')},
-- ISO weeks (labelled by their Monday) in which the episode has an attendance row in its window.
active_week AS (
  SELECT DISTINCT ep.enrollment_id, date_trunc('week', s.session_date)::date AS week
  FROM episode ep
  JOIN attendance a ON a.participant_id = ep.participant_id
  JOIN group_session s ON s.session_id = a.session_id
    AND s.session_date BETWEEN ep.admission_date AND ep.window_end
),
${checkInAdherenceCtes('episode', 'active_week', '$3')},
-- Check-ins inside the episode window with a goal rating.
goal AS (
  SELECT ep.enrollment_id, count(*) FILTER (WHERE c.goal_met) AS met, count(*) AS rated
  FROM episode ep
  JOIN sobriety_checkin c ON c.participant_id = ep.participant_id
    AND c.report_date BETWEEN ep.admission_date AND ep.window_end
  WHERE c.goal_met IS NOT NULL
  GROUP BY ep.enrollment_id
)
SELECT ${CELL_SQL} AS cell,
  count(*)::int AS episodes,
  count(ad.enrollment_id)::int AS "episodesWithActiveWeeks",
  coalesce(sum(ad.active_weeks), 0)::int AS "activeWeeks",
  coalesce(sum(ad.checkin_weeks), 0)::int AS "checkInWeeks",
  count(g.enrollment_id)::int AS "episodesWithGoalRatings",
  coalesce(sum(g.met), 0)::int AS "goalsMet",
  coalesce(sum(g.rated), 0)::int AS "goalsRated"
FROM episode ep
LEFT JOIN adherence ad USING (enrollment_id)
LEFT JOIN goal g USING (enrollment_id)
GROUP BY GROUPING SETS ((ep.primary_type), ())`;

/**
 * EPISODE_ACCOUNTABILITY_SQL from derived.episode_cell: the per-episode sums of derived.episode_fact added up per
 * admission date, site and primary type (a year is a few thousand cells, not 100,000 episodes).
 * Same parameters and result.
 */
export const EPISODE_ACCOUNTABILITY_DERIVED_SQL = `
SELECT ${CELL_SQL} AS cell,
  coalesce(sum(episodes), 0)::int AS episodes,
  coalesce(sum(episodes_with_active_weeks), 0)::int AS "episodesWithActiveWeeks",
  coalesce(sum(active_weeks), 0)::int AS "activeWeeks",
  coalesce(sum(checkin_weeks), 0)::int AS "checkInWeeks",
  coalesce(sum(episodes_with_goal_ratings), 0)::int AS "episodesWithGoalRatings",
  coalesce(sum(goals_met), 0)::int AS "goalsMet",
  coalesce(sum(goals_rated), 0)::int AS "goalsRated"
FROM derived.episode_cell ec
WHERE ${admissionCellScope('ec')}
GROUP BY GROUPING SETS ((primary_type), ())`;
