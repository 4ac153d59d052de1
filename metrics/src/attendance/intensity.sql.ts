import { INTENSITY_MINUTES_PER_WEEK } from '../vocabulary';
import { derivedParticipantWeekCte, isoWeekLabel, PARTICIPANT_WEEK_CTE, SCOPED_SESSION_CTE } from '../scope';

// Intensity met (METRICS.md, Attendance): participant-weeks with at least one non-excused row;
// those with any row of unknown hours are counted apart and left out of the rate.
// group_type NULL = all types; week NULL = the whole period.
export const INTENSITY_SQL = `
WITH ${SCOPED_SESSION_CTE},
${PARTICIPANT_WEEK_CTE}
SELECT pw.group_type AS "groupType",
  to_char(pw.week, 'YYYY-MM-DD') AS "weekStart",
  ${isoWeekLabel('pw.week')} AS "isoWeek",
  count(*)::int AS "participantWeeks",
  count(*) FILTER (WHERE pw.any_unknown)::int AS "unknownHours",
  count(*) FILTER (WHERE NOT pw.any_unknown AND pw.known_minutes >= ${INTENSITY_MINUTES_PER_WEEK})::int AS met
FROM participant_week pw
WHERE pw.non_excused > 0
GROUP BY GROUPING SETS ((pw.group_type), (pw.group_type, pw.week))
ORDER BY "weekStart" NULLS FIRST, "groupType" NULLS FIRST`;

/** INTENSITY_SQL from derived.participant_week_cell; extra parameter $6 (see derivedParticipantWeekCte). */
export const INTENSITY_DERIVED_SQL = `
WITH ${derivedParticipantWeekCte(INTENSITY_MINUTES_PER_WEEK)}
SELECT pw.group_type AS "groupType",
  to_char(pw.week, 'YYYY-MM-DD') AS "weekStart",
  ${isoWeekLabel('pw.week')} AS "isoWeek",
  sum(pw.weeks)::int AS "participantWeeks",
  sum(pw.unknown)::int AS "unknownHours",
  sum(pw.met)::int AS met
FROM pw_count pw
GROUP BY GROUPING SETS ((pw.group_type), (pw.group_type, pw.week))
ORDER BY "weekStart" NULLS FIRST, "groupType" NULLS FIRST`;
