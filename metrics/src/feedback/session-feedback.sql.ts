import { ALLIANCE_FLAG_MAX_SCORE } from '../vocabulary';
import { derivedSessionCte, isoWeekLabel, SCOPED_SESSION_CTE } from '../scope';

/**
 * METRICS.md "Session score", after SCOPED_SESSION_CTE: `scored`, one row per feedback row of a
 * session in scope with its items and score. Also used by the cohort trends (api/src/cohort-trends).
 */
export const SCORED_FEEDBACK_CTE = `
scored AS (
  SELECT s.group_type, s.week, s.session_date, f.relationship, f.goals_topics, f.approach, f.overall,
    f.relationship + f.goals_topics + f.approach + f.overall AS score
  FROM scoped_session s
  JOIN feedback f ON f.session_id = s.session_id
)`;

// Feedback rows of the sessions in scope (METRICS.md, Session feedback). Items are numeric with
// one decimal, so sums and the ≤ 36 comparison are exact; means are converted to float8 last.
// groupType NULL = all types; weekStart NULL = the whole period.
export const SESSION_FEEDBACK_SQL = `
WITH ${SCOPED_SESSION_CTE},${SCORED_FEEDBACK_CTE}
SELECT group_type AS "groupType",
  to_char(week, 'YYYY-MM-DD') AS "weekStart",
  ${isoWeekLabel('week')} AS "isoWeek",
  count(*)::int AS responses,
  count(*) FILTER (WHERE score <= ${ALLIANCE_FLAG_MAX_SCORE})::int AS flagged,
  avg(score)::float8 AS "meanScore",
  avg(relationship)::float8 AS "meanRelationship",
  avg(goals_topics)::float8 AS "meanGoalsTopics",
  avg(approach)::float8 AS "meanApproach",
  avg(overall)::float8 AS "meanOverall"
FROM scored
GROUP BY GROUPING SETS ((), (group_type), (week), (week, group_type))
ORDER BY "weekStart" NULLS FIRST, "groupType" NULLS FIRST`;

/**
 * SESSION_FEEDBACK_SQL from the weekly cells: item sums are exact numerics, and sum ÷ count is
 * how Postgres computes avg(numeric), so the means are the same numbers.
 */
export const SESSION_FEEDBACK_DERIVED_SQL = `
WITH ${derivedSessionCte('type_cell', 'type', '$1::date', 'least($2::date, $3::date)')}
SELECT group_type AS "groupType",
  to_char(week, 'YYYY-MM-DD') AS "weekStart",
  ${isoWeekLabel('week')} AS "isoWeek",
  coalesce(sum(responses), 0)::int AS responses,
  coalesce(sum(flagged), 0)::int AS flagged,
  (sum(score_sum) / sum(responses))::float8 AS "meanScore",
  (sum(relationship_sum) / sum(responses))::float8 AS "meanRelationship",
  (sum(goals_topics_sum) / sum(responses))::float8 AS "meanGoalsTopics",
  (sum(approach_sum) / sum(responses))::float8 AS "meanApproach",
  (sum(overall_sum) / sum(responses))::float8 AS "meanOverall"
FROM type_cell
WHERE responses > 0
GROUP BY GROUPING SETS ((), (group_type), (week), (week, group_type))
ORDER BY "weekStart" NULLS FIRST, "groupType" NULLS FIRST`;
