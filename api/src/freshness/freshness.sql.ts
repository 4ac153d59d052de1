// One statement: row counts and latest dates of every contract table, and the last good load.
export const FRESHNESS_SQL = `
WITH t AS (
  SELECT 'sites' AS kind, 1 AS ord, (SELECT count(*) FROM site) AS rows, NULL::date AS latest
  UNION ALL SELECT 'groups', 2, (SELECT count(*) FROM therapy_group), NULL
  UNION ALL SELECT 'participants', 3, (SELECT count(*) FROM participant), NULL
  UNION ALL SELECT 'enrollments', 4, (SELECT count(*) FROM enrollment),
    (SELECT greatest(max(admission_date), max(discharge_date)) FROM enrollment)
  UNION ALL SELECT 'sessions', 5, (SELECT count(*) FROM group_session), (SELECT max(session_date) FROM group_session)
  UNION ALL SELECT 'attendance', 6, (SELECT count(*) FROM attendance),
    (SELECT max(s.session_date) FROM group_session s WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = s.session_id))
  UNION ALL SELECT 'feedback', 7, (SELECT count(*) FROM feedback),
    (SELECT max(s.session_date) FROM group_session s WHERE EXISTS (SELECT 1 FROM feedback f WHERE f.session_id = s.session_id))
  UNION ALL SELECT 'sobriety', 8, (SELECT count(*) FROM sobriety_checkin), (SELECT max(report_date) FROM sobriety_checkin)
)
SELECT kind, rows::int AS rows, to_char(latest, 'YYYY-MM-DD') AS "latestDate",
  (SELECT max(finished_at) FROM etl_load WHERE status IN ('succeeded', 'partial')) AS "lastSuccessfulLoadAt"
FROM t ORDER BY ord`;
