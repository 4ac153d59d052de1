// One statement: row counts and latest dates of every contract table, and the last good load.
// $1: the sites a user is limited to (text[]), or NULL for every site; counts and dates then
// cover only those sites' records, so that a site-limited user learns nothing of the others.
export const FRESHNESS_SQL = `
WITH
site_in AS (SELECT site_id FROM site WHERE $1::text[] IS NULL OR site_id = ANY ($1::text[])),
group_in AS (SELECT group_id FROM therapy_group WHERE site_id IN (SELECT site_id FROM site_in)),
session_in AS (SELECT session_id, session_date FROM group_session WHERE group_id IN (SELECT group_id FROM group_in)),
enrollment_in AS (SELECT * FROM enrollment WHERE site_id IN (SELECT site_id FROM site_in)),
participant_in AS (
  SELECT participant_id FROM participant p
  WHERE $1::text[] IS NULL OR EXISTS (SELECT 1 FROM enrollment_in e WHERE e.participant_id = p.participant_id)
),
t AS (
  SELECT 'sites' AS kind, 1 AS ord, (SELECT count(*) FROM site_in) AS rows, NULL::date AS latest
  UNION ALL SELECT 'groups', 2, (SELECT count(*) FROM group_in), NULL
  UNION ALL SELECT 'participants', 3, (SELECT count(*) FROM participant_in), NULL
  UNION ALL SELECT 'enrollments', 4, (SELECT count(*) FROM enrollment_in),
    (SELECT greatest(max(admission_date), max(discharge_date)) FROM enrollment_in)
  UNION ALL SELECT 'sessions', 5, (SELECT count(*) FROM session_in), (SELECT max(session_date) FROM session_in)
  UNION ALL SELECT 'attendance', 6, (SELECT count(*) FROM attendance a JOIN session_in s USING (session_id)),
    (SELECT max(s.session_date) FROM session_in s WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.session_id))
  UNION ALL SELECT 'feedback', 7, (SELECT count(*) FROM feedback f JOIN session_in s USING (session_id)),
    (SELECT max(s.session_date) FROM session_in s WHERE EXISTS (SELECT 1 FROM feedback f WHERE f.session_id = s.session_id))
  UNION ALL SELECT 'sobriety', 8,
    (SELECT count(*) FROM sobriety_checkin c WHERE c.participant_id IN (SELECT participant_id FROM participant_in)),
    (SELECT max(report_date) FROM sobriety_checkin c WHERE c.participant_id IN (SELECT participant_id FROM participant_in))
)
SELECT kind, rows::int AS rows, to_char(latest, 'YYYY-MM-DD') AS "latestDate",
  (SELECT max(finished_at) FROM etl_load WHERE status IN ('succeeded', 'partial')) AS "lastSuccessfulLoadAt"
FROM t ORDER BY ord`;
