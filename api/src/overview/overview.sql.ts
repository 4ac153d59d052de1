import { episodeScopeCtes } from '../episodes';

/**
 * The program overview of a period and of the previous period of equal length, in one statement.
 * Parameters: the episode scope's $1–$5 over both periods ($1 = previous period's first day,
 * $2 = current period's last day), then $6 current period's first day, $7 previous period's last
 * day, $8 current period's end for "open" (least(to, as_of)), $9 group types of the sessions (text[]).
 */
export const OVERVIEW_SQL = `
WITH ${episodeScopeCtes('overlapping')},
period AS (
  SELECT 'current' AS period, $6::date AS first_day, $8::date AS last_day
  UNION ALL SELECT 'previous', $1::date, $7::date
)
SELECT p.period,
  (SELECT count(*) FROM episode WHERE admission_date BETWEEN p.first_day AND p.last_day)::int AS admissions,
  (SELECT count(*) FROM episode WHERE discharge_date BETWEEN p.first_day AND p.last_day)::int AS discharges,
  (SELECT count(*) FROM episode
   WHERE admission_date <= p.last_day AND (discharge_date IS NULL OR discharge_date > p.last_day))::int AS "openEpisodes",
  (SELECT count(DISTINCT participant_id) FROM episode
   WHERE admission_date <= p.last_day AND window_end >= p.first_day)::int AS "participantsServed",
  (SELECT coalesce(json_agg(x), '[]') FROM (
     SELECT g.group_type AS "groupType", count(*)::int AS sessions
     FROM group_session s JOIN therapy_group g ON g.group_id = s.group_id
     WHERE s.session_date BETWEEN p.first_day AND p.last_day
       AND ($4::text[] IS NULL OR g.site_id = ANY ($4::text[]))
       AND g.group_type = ANY ($9::text[])
     GROUP BY g.group_type) x) AS sessions
FROM period p`;
