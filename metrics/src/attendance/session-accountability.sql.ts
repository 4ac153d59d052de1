import { ATTENDED_SQL as ATTENDED, INTENSITY_MINUTES_PER_WEEK, REENGAGEMENT_DAYS } from '../vocabulary';
import { derivedParticipantWeekCte, derivedSessionCte, PARTICIPANT_WEEK_CTE, SCOPED_SESSION_CTE } from '../scope';

// The session measures of METRICS.md, Accountability. Each statement returns one row per group
// type in scope plus the all-types row (groupType NULL, from ROLLUP or the participant-week
// grouping sets). The service runs the three in parallel.

/** 1. Consistency: participant-weeks in which every non-excused row is attended (no absent row). */
export const CONSISTENCY_SQL = `
WITH ${SCOPED_SESSION_CTE},
${PARTICIPANT_WEEK_CTE}
SELECT pw.group_type AS "groupType",
  count(*)::int AS weeks,
  count(*) FILTER (WHERE pw.absent = 0)::int AS consistent
FROM participant_week pw
WHERE pw.non_excused > 0
GROUP BY pw.group_type`;

/**
 * 3. Feedback participation: feedback rows ÷ attended rows. Only feedback on an attended row is
 * counted (the contract allows no other), so the figure is a proportion of attended rows.
 */
export const FEEDBACK_PARTICIPATION_SQL = `
WITH ${SCOPED_SESSION_CTE}
SELECT s.group_type AS "groupType",
  count(*)::int AS attended,
  count(f.session_id)::int AS feedback
FROM scoped_session s
JOIN attendance a ON a.session_id = s.session_id AND a.status IN ${ATTENDED}
LEFT JOIN feedback f ON f.session_id = a.session_id AND f.participant_id = a.participant_id
GROUP BY ROLLUP (s.group_type)`;

/**
 * Whether absent row `row` (of session `session`) re-engaged: the same participant has an attended
 * row in the same group dated within the 14 days after it, (d, d + 14], and on or before `asOf`.
 * The one statement of the rule, for the live figure and for derived.session_fact. Read by index
 * (group and date, then the attendance key), so that a keyed build costs only its own rows.
 */
export const reEngagedSql = (row: string, session: string, asOf: string) => `EXISTS (
  SELECT 1 FROM group_session follow
  JOIN attendance back ON back.session_id = follow.session_id AND back.participant_id = ${row}.participant_id
  WHERE follow.group_id = ${session}.group_id
    AND follow.session_date > ${session}.session_date AND follow.session_date <= ${session}.session_date + ${REENGAGEMENT_DAYS}
    AND follow.session_date <= ${asOf} AND back.status IN ${ATTENDED})`;

/**
 * 5. Re-engagement. An absent row in scope dated on or before as_of − 14 is judged (reEngagedSql);
 * its follow-up rows may lie after `to` (never after as_of: d + 14 ≤ as_of). Absent rows after
 * as_of − 14 are too recent to judge and only counted.
 */
export const RE_ENGAGEMENT_SQL = `
WITH scoped AS (
  SELECT s.session_id, s.group_id, s.session_date, g.group_type
  FROM group_session s
  JOIN therapy_group g ON g.group_id = s.group_id
  WHERE s.session_date BETWEEN $1::date AND least($2::date, $3::date)
    AND ($4::text[] IS NULL OR g.site_id = ANY ($4::text[]))
    AND g.group_type = ANY ($5::text[])
)
SELECT s.group_type AS "groupType",
  count(*) FILTER (WHERE s.session_date <= least($2::date, $3::date - ${REENGAGEMENT_DAYS}))::int AS judged,
  count(*) FILTER (WHERE s.session_date <= least($2::date, $3::date - ${REENGAGEMENT_DAYS}) AND ${reEngagedSql('a', 's', '$3::date')})::int
    AS "reEngaged",
  count(*) FILTER (WHERE s.session_date > $3::date - ${REENGAGEMENT_DAYS})::int AS "tooRecent"
FROM scoped s
JOIN attendance a ON a.session_id = s.session_id AND a.status = 'absent'
GROUP BY ROLLUP (s.group_type)`;

/** CONSISTENCY_SQL from derived.participant_week_cell; extra parameter $6 (see derivedParticipantWeekCte). */
export const CONSISTENCY_DERIVED_SQL = `
WITH ${derivedParticipantWeekCte(INTENSITY_MINUTES_PER_WEEK)}
SELECT pw.group_type AS "groupType",
  sum(pw.weeks)::int AS weeks,
  sum(pw.consistent)::int AS consistent
FROM pw_count pw
GROUP BY pw.group_type`;

/** FEEDBACK_PARTICIPATION_SQL from the weekly cells. */
export const FEEDBACK_PARTICIPATION_DERIVED_SQL = `
WITH ${derivedSessionCte('type_cell', 'type', '$1::date', 'least($2::date, $3::date)')}
SELECT group_type AS "groupType",
  coalesce(sum(present + late + left_early), 0)::int AS attended,
  coalesce(sum(feedback_attended), 0)::int AS feedback
FROM type_cell
WHERE present + late + left_early > 0
GROUP BY ROLLUP (group_type)`;

/**
 * RE_ENGAGEMENT_SQL from the weekly cells: derived.session_fact counts, per session judged at the
 * derived as_of, the absent rows that re-engaged within 14 days (a judged row's window never passes
 * that as_of, so the count holds at any earlier one). Judged rows: [from, least(to, as_of − 14)];
 * too recent: (as_of − 14, least(to, as_of)].
 */
export const RE_ENGAGEMENT_DERIVED_SQL = `
WITH ${derivedSessionCte('judged_cell', 'type', '$1::date', `least($2::date, $3::date - ${REENGAGEMENT_DAYS})`)},
${derivedSessionCte('recent_cell', 'type', `greatest($1::date, $3::date - ${REENGAGEMENT_DAYS - 1})`, 'least($2::date, $3::date)')},
counted AS (
  SELECT group_type, absent AS judged, reengaged, 0 AS too_recent FROM judged_cell WHERE absent > 0
  UNION ALL
  SELECT group_type, 0, 0, absent FROM recent_cell WHERE absent > 0
)
SELECT group_type AS "groupType",
  coalesce(sum(judged), 0)::int AS judged,
  coalesce(sum(reengaged), 0)::int AS "reEngaged",
  coalesce(sum(too_recent), 0)::int AS "tooRecent"
FROM counted
GROUP BY ROLLUP (group_type)`;
