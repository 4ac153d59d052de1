import { isoWeekLabel, SCOPED_SESSION_CTE } from '../sessions-scope';

// Status counts of the rows in scope. The rows are first counted per group × ISO week (the finest
// cell every breakdown is a sum of), then rolled up once with GROUPING SETS: one scan of the rows.
// `level` names the breakdown a result row belongs to.
export const ATTENDANCE_SQL = `
WITH ${SCOPED_SESSION_CTE},
cell AS (
  SELECT s.group_id, s.week,
    count(*) AS scheduled,
    count(*) FILTER (WHERE a.status = 'present') AS present,
    count(*) FILTER (WHERE a.status = 'late') AS late,
    count(*) FILTER (WHERE a.status = 'left_early') AS left_early,
    count(*) FILTER (WHERE a.status = 'absent') AS absent,
    count(*) FILTER (WHERE a.status = 'excused') AS excused
  FROM scoped_session s
  JOIN attendance a ON a.session_id = s.session_id
  GROUP BY s.group_id, s.week
)
SELECT
  CASE
    WHEN GROUPING(c.group_id) = 0 THEN 'group'
    WHEN GROUPING(g.site_id) = 0 THEN 'site'
    WHEN GROUPING(c.week) = 0 AND GROUPING(g.group_type) = 0 THEN 'week_type'
    WHEN GROUPING(c.week) = 0 THEN 'week'
    WHEN GROUPING(g.group_type) = 0 THEN 'type'
    ELSE 'total'
  END AS level,
  g.group_type AS "groupType",
  to_char(c.week, 'YYYY-MM-DD') AS "weekStart",
  ${isoWeekLabel('c.week')} AS "isoWeek",
  g.site_id AS "siteId",
  c.group_id AS "groupId",
  min(g.group_name) AS "groupName",
  min(g.group_type) AS "groupGroupType",
  min(g.site_id) AS "groupSiteId",
  min(st.site_name) AS "siteName",
  sum(c.scheduled)::int AS scheduled,
  sum(c.present)::int AS present,
  sum(c.late)::int AS late,
  sum(c.left_early)::int AS "leftEarly",
  sum(c.absent)::int AS absent,
  sum(c.excused)::int AS excused
FROM cell c
JOIN therapy_group g ON g.group_id = c.group_id
JOIN site st ON st.site_id = g.site_id
GROUP BY GROUPING SETS ((), (g.group_type), (c.week), (c.week, g.group_type), (g.site_id), (c.group_id))
ORDER BY level, "weekStart", "groupType", "siteId", "groupId"`;
