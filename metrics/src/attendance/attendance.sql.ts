import { derivedSessionCte, isoWeekLabel, SCOPED_SESSION_CTE } from '../scope';

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

/**
 * ATTENDANCE_SQL from the weekly cells of the derived tables (see derivedSessionCte), without the
 * per-group rows: those are ATTENDANCE_GROUPS_DERIVED_SQL, read only when asked for (they sum
 * every group × week cell of the period, most of the work).
 */
export const ATTENDANCE_DERIVED_SQL = `
WITH ${derivedSessionCte('type_cell', 'type', '$1::date', 'least($2::date, $3::date)')}
SELECT
  CASE
    WHEN GROUPING(c.site_id) = 0 THEN 'site'
    WHEN GROUPING(c.week) = 0 AND GROUPING(c.group_type) = 0 THEN 'week_type'
    WHEN GROUPING(c.week) = 0 THEN 'week'
    WHEN GROUPING(c.group_type) = 0 THEN 'type'
    ELSE 'total'
  END AS level,
  c.group_type AS "groupType",
  to_char(c.week, 'YYYY-MM-DD') AS "weekStart",
  ${isoWeekLabel('c.week')} AS "isoWeek",
  c.site_id AS "siteId",
  NULL AS "groupId", NULL AS "groupName", NULL AS "groupGroupType", NULL AS "groupSiteId",
  min(st.site_name) AS "siteName",
  coalesce(sum(c.scheduled), 0)::int AS scheduled,
  coalesce(sum(c.present), 0)::int AS present,
  coalesce(sum(c.late), 0)::int AS late,
  coalesce(sum(c.left_early), 0)::int AS "leftEarly",
  coalesce(sum(c.absent), 0)::int AS absent,
  coalesce(sum(c.excused), 0)::int AS excused
FROM type_cell c
JOIN site st ON st.site_id = c.site_id
WHERE c.scheduled > 0
GROUP BY GROUPING SETS ((), (c.group_type), (c.week), (c.week, c.group_type), (c.site_id))
ORDER BY level, "weekStart", "groupType", "siteId"`;

/** The per-group rows of ATTENDANCE_SQL from the weekly group cells; same parameters and columns. */
export const ATTENDANCE_GROUPS_DERIVED_SQL = `
WITH ${derivedSessionCte('group_cell', 'group', '$1::date', 'least($2::date, $3::date)')}
SELECT 'group' AS level, NULL AS "groupType", NULL AS "weekStart", NULL AS "isoWeek", NULL AS "siteId",
  c.group_id AS "groupId", g.group_name AS "groupName", g.group_type AS "groupGroupType", g.site_id AS "groupSiteId",
  st.site_name AS "siteName", c.scheduled, c.present, c.late, c.left_early AS "leftEarly", c.absent, c.excused
FROM (
  SELECT group_id, sum(scheduled)::int AS scheduled, sum(present)::int AS present, sum(late)::int AS late,
    sum(left_early)::int AS left_early, sum(absent)::int AS absent, sum(excused)::int AS excused
  FROM group_cell WHERE scheduled > 0 GROUP BY group_id
) c
JOIN therapy_group g ON g.group_id = c.group_id
JOIN site st ON st.site_id = g.site_id
ORDER BY c.group_id`;
