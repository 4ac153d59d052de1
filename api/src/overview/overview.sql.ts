import { derivedEpisodeScopeCtes, episodeScopeCtes } from '../episodes';
import { isoWeekStart } from '../sessions-scope';

/** Participants served in [first, last]: with an episode whose window overlaps it. */
type Served = (first: string, last: string) => string;

const DISTINCT_PARTICIPANTS: Served = (first, last) =>
  `count(DISTINCT participant_id COLLATE "C") FILTER (WHERE admission_date <= ${last} AND window_end >= ${first})`;

// A participant's overlapping episodes form one run, whose first episode alone has a previous
// episode ending before the period (episode_fact.previous_window_end): count those, no sort. Only
// over all of a participant's episodes: with a site or group-type filter the previous episode may
// be filtered out.
const FIRST_EPISODES_OF_RUNS: Served = (first, last) =>
  `count(*) FILTER (WHERE admission_date <= ${last} AND window_end >= ${first}
      AND (previous_window_end IS NULL OR previous_window_end < ${first}))`;

/**
 * The program overview of a period and of the previous period of equal length, in one statement.
 * Parameters: the episode scope's $1–$5 over both periods ($1 = previous period's first day,
 * $2 = current period's last day), then $6 current period's first day, $7 previous period's last
 * day, $8 current period's end for "open" (least(to, as_of)), $9 group types of the sessions (text[]).
 */
const overviewSql = (scopeCtes: string, sessionsSql: string, served: Served) => `
WITH ${scopeCtes},
-- One pass over the episodes for both periods (current: $6–$8, previous: $1–$7).
counts AS (
  SELECT
    count(*) FILTER (WHERE admission_date BETWEEN $6::date AND $8::date) AS admissions_current,
    count(*) FILTER (WHERE admission_date BETWEEN $1::date AND $7::date) AS admissions_previous,
    count(*) FILTER (WHERE discharge_date BETWEEN $6::date AND $8::date) AS discharges_current,
    count(*) FILTER (WHERE discharge_date BETWEEN $1::date AND $7::date) AS discharges_previous,
    count(*) FILTER (WHERE admission_date <= $8::date AND (discharge_date IS NULL OR discharge_date > $8::date))
      AS open_current,
    count(*) FILTER (WHERE admission_date <= $7::date AND (discharge_date IS NULL OR discharge_date > $7::date))
      AS open_previous,
    ${served('$6::date', '$8::date')} AS served_current,
    ${served('$1::date', '$7::date')} AS served_previous
  FROM episode
)
SELECT p.period, p.admissions::int, p.discharges::int, p.open::int AS "openEpisodes",
  p.served::int AS "participantsServed",
  (SELECT coalesce(json_agg(x), '[]') FROM (${sessionsSql}) x) AS sessions
FROM counts c
CROSS JOIN LATERAL (VALUES
  ('current', $6::date, $8::date, c.admissions_current, c.discharges_current, c.open_current, c.served_current),
  ('previous', $1::date, $7::date, c.admissions_previous, c.discharges_previous, c.open_previous, c.served_previous)
) AS p (period, first_day, last_day, admissions, discharges, open, served)`;

const LIVE_SESSIONS = `
     SELECT g.group_type AS "groupType", count(*)::int AS sessions
     FROM group_session s JOIN therapy_group g ON g.group_id = s.group_id
     WHERE s.session_date BETWEEN p.first_day AND p.last_day
       AND ($4::text[] IS NULL OR g.site_id = ANY ($4::text[]))
       AND g.group_type = ANY ($9::text[])
     GROUP BY g.group_type`;

// Sessions per type from the weekly cells: whole cells inside the period; for the cells that the
// period's first or last day cuts (at most the two edge weeks), their days inside the period.
const DERIVED_SESSIONS = `
     SELECT c.group_type AS "groupType", sum(c.sessions)::int AS sessions
     FROM (
       SELECT w.group_type, w.sessions
       FROM session_type_week w
       WHERE w.week BETWEEN p.first_day - 6 AND p.last_day
         AND w.first_date >= p.first_day AND w.last_date <= p.last_day
         AND ($4::text[] IS NULL OR w.site_id = ANY ($4::text[])) AND w.group_type = ANY ($9::text[])
       UNION ALL
       SELECT d.group_type, d.sessions
       FROM session_type_day d
       JOIN session_type_week w ON (w.week, w.site_id, w.group_type) = (d.week, d.site_id, d.group_type)
       WHERE (d.session_date BETWEEN p.first_day AND least(p.last_day, ${isoWeekStart('p.first_day')} + 6)
           OR d.session_date BETWEEN greatest(p.first_day, ${isoWeekStart('p.last_day')}) AND p.last_day)
         AND NOT (w.first_date >= p.first_day AND w.last_date <= p.last_day)
         AND ($4::text[] IS NULL OR d.site_id = ANY ($4::text[])) AND d.group_type = ANY ($9::text[])
     ) c
     GROUP BY c.group_type`;

export const OVERVIEW_SQL = overviewSql(episodeScopeCtes('overlapping'), LIVE_SESSIONS, DISTINCT_PARTICIPANTS);
/** The same from episode_fact and the weekly session cells (see derivedDataFor). */
export const OVERVIEW_DERIVED_SQL = overviewSql(
  derivedEpisodeScopeCtes('overlapping'),
  DERIVED_SESSIONS,
  DISTINCT_PARTICIPANTS,
);
/** OVERVIEW_DERIVED_SQL without a site or group-type filter ($4 and $5 NULL). */
export const OVERVIEW_DERIVED_ALL_EPISODES_SQL = overviewSql(
  derivedEpisodeScopeCtes('overlapping'),
  DERIVED_SESSIONS,
  FIRST_EPISODES_OF_RUNS,
);
