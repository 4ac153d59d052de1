import { derivedEpisodeScopeCtes, episodeScopeCtes } from '../scope';
import { isoWeekStart } from '../scope';

/** Participants served in [first, last]: with an episode whose window overlaps it. */
const DISTINCT_PARTICIPANTS = (first: string, last: string) =>
  `count(DISTINCT participant_id COLLATE "C") FILTER (WHERE admission_date <= ${last} AND window_end >= ${first})`;

/**
 * The `counts` CTE of one pass over the episodes of the scope (`episode`) for both periods
 * (current: $6–$8, previous: $1–$7).
 */
const episodeCounts = (scopeCtes: string) => `
${scopeCtes},
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
    ${DISTINCT_PARTICIPANTS('$6::date', '$8::date')} AS served_current,
    ${DISTINCT_PARTICIPANTS('$1::date', '$7::date')} AS served_previous
  FROM episode
)`;

/**
 * The same `counts` over all of the program's episodes (no site or group-type filter), from
 * per-day rows. A discharge never precedes its admission, so the episodes open at a date are the
 * admissions up to it less the discharges up to it. A participant served in a period is counted
 * once, by the first of their episodes whose window reaches into it (derived-schema.ts):
 * an episode admitted before the period whose window covers its first day (the running sum of
 * derived.episode_cover_day), or one admitted in the period whose previous episode ended before its first
 * day (its admissions less the readmissions whose previous window reached that day). Only over all
 * of a participant's episodes: with a filter the previous episode may be filtered out.
 */
const ALL_EPISODE_COUNTS = `
-- Not needed here ($4 and $5 are NULL, $2 and $3 bound the scope's episodes, which these are):
-- typed all the same, so that every variant of the statement takes the same parameters.
scope_parameters AS (
  SELECT $2::date, $3::date, $5::text[]
),
days AS (
  SELECT
    coalesce(sum(admissions) FILTER (WHERE day BETWEEN $6::date AND $8::date), 0) AS admissions_current,
    coalesce(sum(admissions) FILTER (WHERE day BETWEEN $1::date AND $7::date), 0) AS admissions_previous,
    coalesce(sum(discharges) FILTER (WHERE day BETWEEN $6::date AND $8::date), 0) AS discharges_current,
    coalesce(sum(discharges) FILTER (WHERE day BETWEEN $1::date AND $7::date), 0) AS discharges_previous,
    coalesce(sum(admissions - discharges) FILTER (WHERE day <= $8::date), 0) AS open_current,
    coalesce(sum(admissions - discharges) FILTER (WHERE day <= $7::date), 0) AS open_previous
  FROM derived.episode_day
),
covering AS (
  SELECT
    coalesce(sum(change) FILTER (WHERE day <= $6::date), 0) AS covering_current,
    coalesce(sum(change) FILTER (WHERE day <= $1::date), 0) AS covering_previous
  FROM derived.episode_cover_day
),
readmitted AS (
  SELECT
    coalesce(sum(episodes) FILTER (WHERE admission_date BETWEEN $6::date AND $8::date
      AND previous_window_end >= $6::date), 0) AS readmitted_current,
    coalesce(sum(episodes) FILTER (WHERE admission_date BETWEEN $1::date AND $7::date
      AND previous_window_end >= $1::date), 0) AS readmitted_previous
  FROM derived.episode_readmission
  WHERE admission_date >= $1::date
),
counts AS (
  SELECT days.*,
    covering_current + admissions_current - readmitted_current AS served_current,
    covering_previous + admissions_previous - readmitted_previous AS served_previous
  FROM days CROSS JOIN covering CROSS JOIN readmitted
)`;

/**
 * The program overview of a period and of the previous period of equal length, in one statement.
 * Parameters: the episode scope's $1–$5 over both periods ($1 = previous period's first day,
 * $2 = current period's last day), then $6 current period's first day, $7 previous period's last
 * day, $8 current period's end for "open" (least(to, as_of)), $9 group types of the sessions (text[]).
 */
const overviewSql = (countsCtes: string, sessionsSql: string) => `
WITH ${countsCtes}
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
       FROM derived.session_type_week w
       WHERE w.week BETWEEN p.first_day - 6 AND p.last_day
         AND w.first_date >= p.first_day AND w.last_date <= p.last_day
         AND ($4::text[] IS NULL OR w.site_id = ANY ($4::text[])) AND w.group_type = ANY ($9::text[])
       UNION ALL
       SELECT d.group_type, d.sessions
       FROM derived.session_type_day d
       JOIN derived.session_type_week w ON (w.week, w.site_id, w.group_type) = (d.week, d.site_id, d.group_type)
       WHERE (d.session_date BETWEEN p.first_day AND least(p.last_day, ${isoWeekStart('p.first_day')} + 6)
           OR d.session_date BETWEEN greatest(p.first_day, ${isoWeekStart('p.last_day')}) AND p.last_day)
         AND NOT (w.first_date >= p.first_day AND w.last_date <= p.last_day)
         AND ($4::text[] IS NULL OR d.site_id = ANY ($4::text[])) AND d.group_type = ANY ($9::text[])
     ) c
     GROUP BY c.group_type`;

export const OVERVIEW_SQL = overviewSql(episodeCounts(episodeScopeCtes('overlapping')), LIVE_SESSIONS);
/** The same from derived.episode_fact and the weekly session cells (see derivedAnswers). */
export const OVERVIEW_DERIVED_SQL = overviewSql(
  episodeCounts(derivedEpisodeScopeCtes('overlapping')),
  DERIVED_SESSIONS,
);
/**
 * OVERVIEW_DERIVED_SQL without a site or group-type filter ($4 and $5 NULL, $3 the derived as_of):
 * the counts from derived.episode_day, derived.episode_cover_day and derived.episode_readmission.
 */
export const OVERVIEW_DERIVED_ALL_EPISODES_SQL = overviewSql(ALL_EPISODE_COUNTS, DERIVED_SESSIONS);
