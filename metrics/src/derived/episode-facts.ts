// The per-episode facts (derived.episode_fact) and the rows they are read from. An episode whose
// facts may have changed in any way is recomputed from all of its rows (change-set.ts,
// recomputed_episode); an episode whose only change is new rows after the old as-of, or a moved
// as-of (extended_episode), keeps its stored facts and has the new rows added to them: on a night
// of new sessions that is nearly every open episode, and reading all of their rows was most of the
// nightly refresh.

import { checkInAdherenceCtes } from '../accountability/episode-accountability.sql';
import { mostRowsChoiceSql } from '../scope/episode-scope.sql';
import { ATTENDED_SQL as ATTENDED } from '../vocabulary';
import { RECENT_ROW, RECENT_ROW_FIRST_DAY } from './change-set';
import type { BuildContext, BuildStep, Keys } from './declaration';

const WEEK_OF_ROW = `(r.session_date - (extract(isodow FROM r.session_date)::int - 1))`;

// Every attendance row dated in an episode's window, with the episode, the group and the hours of
// the row (minutes_attended; else the duration when attended; 0 when absent or excused; NULL when
// unknown). Episodes of one participant never overlap, so a row has at most one episode. A keyed
// build holds the rows of the recomputed episodes and every row of the affected weeks (the
// participant-week tables read those).
const episodeRowSql = (keys: Keys) => `
SELECT e.enrollment_id, r.session_id, r.site_id, r.group_id, r.group_type, r.session_date,
  ${WEEK_OF_ROW} AS week,
  r.status,
  CASE WHEN r.minutes_attended IS NOT NULL THEN r.minutes_attended
       WHEN r.status IN ${ATTENDED} THEN r.duration_minutes
       ELSE 0 END AS minutes
FROM ${keys.full ? `(SELECT ${ROW_COLUMNS} FROM attendance a JOIN ${SESSION_WITH_GROUP} USING (session_id))` : keyedRows(keys)} r
JOIN enrollment e ON e.participant_id = r.participant_id
  AND e.admission_date <= r.session_date
  AND (e.discharge_date IS NULL OR e.discharge_date >= r.session_date)
WHERE r.session_date <= $1::date
  AND (${keys.in('e.enrollment_id', 'recomputed_episode')} OR ${keys.in(WEEK_OF_ROW, 'week')})`;

const ROW_COLUMNS =
  'a.participant_id, a.status, a.minutes_attended, s.session_id, s.group_id, s.session_date, s.duration_minutes, s.site_id, s.group_type';
const RECENT_ROW_COLUMNS =
  'r.participant_id, r.status, r.minutes_attended, r.session_id, r.group_id, r.session_date, r.duration_minutes, r.site_id, r.group_type';

// Each session with its group's site and type, joined before the rows: once per session, not per
// row (the planner, expecting a third of a keyed build's rows, probed the groups' key for each one:
// 0.5 s of a night's 210,000 rows at 100,000 participants).
const SESSION_WITH_GROUP = `(
  SELECT s.session_id, s.group_id, s.session_date, s.duration_minutes, g.site_id, g.group_type
  FROM group_session s JOIN therapy_group g USING (group_id)
) s`;

// The rows a keyed build may need, read by index with their sessions: those of the participants of
// the recomputed episodes, and the other participants' rows of the sessions of the affected weeks:
// of the weeks the last days' rows cover (RECENT_ROW, nearly always all of them), from those rows,
// of earlier weeks from the tables (UNION ALL of disjoint parts: a UNION hashed every row, 0.4 s of
// a nightly load). Needs the as-of ($1) and the old as-of ($2).
const keyedRows = (keys: Keys) => `(
  WITH affected_participant AS (
    SELECT participant_id FROM enrollment WHERE ${keys.in('enrollment_id', 'recomputed_episode')}
  )
  SELECT ${ROW_COLUMNS}
  FROM attendance a JOIN ${SESSION_WITH_GROUP} USING (session_id)
  WHERE a.participant_id IN (SELECT participant_id FROM affected_participant)
  UNION ALL
  SELECT ${RECENT_ROW_COLUMNS}
  FROM ${RECENT_ROW} r
  JOIN derived_affected_week w ON w.k = ${WEEK_OF_ROW} AND w.k >= ${RECENT_ROW_FIRST_DAY}
  WHERE r.participant_id NOT IN (SELECT participant_id FROM affected_participant)
  UNION ALL
  SELECT ${ROW_COLUMNS}
  FROM derived_affected_week w
  -- Each week's sessions by the date index, and their rows by the attendance key for each session:
  -- the planner cannot tell how few sessions a week holds and would scan every one, and every row
  -- (OFFSET 0 keeps a lateral subquery from being flattened into a join).
  CROSS JOIN LATERAL (
    SELECT s.* FROM ${SESSION_WITH_GROUP} WHERE s.session_date BETWEEN w.k AND w.k + 6 OFFSET 0
  ) s
  CROSS JOIN LATERAL (SELECT * FROM attendance x WHERE x.session_id = s.session_id OFFSET 0) a
  WHERE w.k < ${RECENT_ROW_FIRST_DAY} AND a.participant_id NOT IN (SELECT participant_id FROM affected_participant))`;

// Each episode's attendance rows per group: how many, and the first one's date. The primary type
// and the episode's group (episode-covariates.ts) are chosen from them; a night adds its rows.
const episodeGroupRowsSql = (keys: Keys) => `
SELECT enrollment_id, group_id, group_type, count(*), min(session_date)
FROM derived_episode_row
WHERE ${keys.in('enrollment_id', 'recomputed_episode')}
GROUP BY enrollment_id, group_id, group_type`;

/** The primary group type of the episodes whose group rows `groupRows` selects (mostRowsChoiceSql). */
const primaryTypeCtes = (groupRows: string) => `
type_rows AS (
  SELECT enrollment_id, group_type, sum(row_count) AS row_count, min(first_session) AS first_session
  FROM (${groupRows}) r GROUP BY enrollment_id, group_type
),
primary_type AS (${mostRowsChoiceSql('type_rows', 'group_type')})`;

// previous_window_end is read from every episode of the participant (ep_all), so that a keyed build
// of an episode sees the one before it.
const episodeFactSql = (keys: Keys) => `
WITH ep_all AS (
  SELECT e.enrollment_id, e.participant_id, e.site_id, e.admission_date, e.baseline_days_used,
    CASE WHEN e.discharge_date <= $1::date THEN e.discharge_date END AS discharge_date,
    CASE WHEN e.discharge_date <= $1::date THEN e.discharge_reason END AS discharge_reason,
    least(coalesce(e.discharge_date, $1::date), $1::date) AS window_end
  FROM enrollment e
  WHERE e.admission_date <= $1::date
    AND ${keys.full ? 'true' : `e.participant_id IN (SELECT participant_id FROM enrollment WHERE ${keys.in('enrollment_id', 'recomputed_episode')})`}
),
ep AS (
  SELECT ep_all.*, lag(window_end) OVER (PARTITION BY participant_id ORDER BY admission_date) AS previous_window_end
  FROM ep_all
),
keyed AS (
  SELECT * FROM ep WHERE ${keys.in('enrollment_id', 'recomputed_episode')}
),
${primaryTypeCtes(`SELECT * FROM derived.episode_group_rows WHERE ${keys.in('enrollment_id', 'recomputed_episode')}`)},
active_week AS (
  SELECT DISTINCT enrollment_id, week FROM derived_episode_row WHERE ${keys.in('enrollment_id', 'recomputed_episode')}
),
${checkInAdherenceCtes('keyed', 'active_week', '$1')},
in_treatment AS (
  SELECT ep.enrollment_id,
    sum(c.days_used) AS days_used, sum(c.window_days) AS window_days,
    count(*) FILTER (WHERE c.goal_met) AS met, count(c.goal_met) AS rated
  FROM keyed ep
  JOIN sobriety_checkin c ON c.participant_id = ep.participant_id
    AND c.report_date BETWEEN ep.admission_date AND ep.window_end
  GROUP BY ep.enrollment_id
)
SELECT ep.enrollment_id, ep.participant_id, ep.site_id, ep.admission_date, ep.baseline_days_used,
  ep.discharge_date, ep.discharge_reason, ep.window_end, pt.group_type,
  it.days_used, it.window_days,
  coalesce(ad.active_weeks, 0), coalesce(ad.checkin_weeks, 0),
  coalesce(it.met, 0), coalesce(it.rated, 0), ep.previous_window_end
FROM keyed ep
LEFT JOIN primary_type pt USING (enrollment_id)
LEFT JOIN adherence ad USING (enrollment_id)
LEFT JOIN in_treatment it USING (enrollment_id)`;

// The extended episodes' facts as stored (before the night), each with the end of its window now:
// the new as-of when it was open at the old one, else its discharge. Their stored facts stand for
// their rows up to the old as-of ($2), the latest date in the data then; nothing of theirs dated
// on or before it changed (else they would be recomputed), and none has a later episode (a new
// admission is a changed episode, whose participant's episodes are all recomputed).
const EXTENDED = `
extended AS (
  SELECT f.*, coalesce(f.discharge_date, $1::date) AS new_end
  FROM derived.episode_fact f
  WHERE f.enrollment_id IN (SELECT k FROM derived_affected_extended_episode)
)`;

// Their rows dated from the Monday of the old as-of's week on (the weeks whose activity and
// check-ins can change).
const EXTENDED_ROW_SQL = `
WITH ${EXTENDED}
SELECT x.enrollment_id, r.group_id, r.group_type, r.session_date, r.session_date <= x.window_end AS stored
FROM extended x
JOIN ${RECENT_ROW} r ON r.participant_id = x.participant_id
  AND r.session_date BETWEEN greatest(x.admission_date, date_trunc('week', $2::date)::date) AND x.new_end`;

const EXTENDED_GROUP_ROWS_SQL = `
INSERT INTO derived.episode_group_rows AS t (enrollment_id, group_id, group_type, row_count, first_session)
SELECT enrollment_id, group_id, group_type, count(*), min(session_date)
FROM derived_extended_row WHERE NOT stored
GROUP BY enrollment_id, group_id, group_type
ON CONFLICT (enrollment_id, group_id) DO UPDATE SET row_count = t.row_count + excluded.row_count`;

// The weeks from the old as-of's on are counted again (checkInAdherenceCtes: a week counts when
// it has a row in the window, and a check-in too, up to the end of the window's last week, never
// after as-of), once as they stood at the old as-of and once now; the difference is added. The
// check-ins and goals of the new days are added too (a sum with nothing to add stays as it was).
const EXTENDED_FACT_SQL = `
WITH ${EXTENDED},
${primaryTypeCtes(`SELECT * FROM derived.episode_group_rows WHERE enrollment_id IN (SELECT enrollment_id FROM extended)`)},
week_activity AS (
  SELECT enrollment_id, date_trunc('week', session_date)::date AS week, bool_or(stored) AS was_active
  FROM derived_extended_row GROUP BY enrollment_id, week
),
week_checkin AS (
  SELECT x.enrollment_id, date_trunc('week', c.report_date)::date AS week,
    bool_or(c.report_date <= least($2::date, date_trunc('week', x.window_end)::date + 6)) AS had_checkin
  FROM extended x
  JOIN sobriety_checkin c ON c.participant_id = x.participant_id
    AND c.report_date BETWEEN greatest(x.admission_date, date_trunc('week', $2::date)::date)
      AND least($1::date, date_trunc('week', x.new_end)::date + 6)
  GROUP BY x.enrollment_id, week
),
week_gain AS (
  SELECT wa.enrollment_id,
    count(*) FILTER (WHERE NOT wa.was_active) AS active_weeks,
    count(wc.week) - count(wc.week) FILTER (WHERE wa.was_active AND wc.had_checkin) AS checkin_weeks
  FROM week_activity wa LEFT JOIN week_checkin wc USING (enrollment_id, week)
  GROUP BY wa.enrollment_id
),
new_checkin AS (
  SELECT x.enrollment_id, sum(c.days_used) AS days_used, sum(c.window_days) AS window_days,
    count(*) FILTER (WHERE c.goal_met) AS met, count(c.goal_met) AS rated
  FROM extended x
  JOIN sobriety_checkin c ON c.participant_id = x.participant_id
    AND c.report_date > x.window_end AND c.report_date <= x.new_end
  GROUP BY x.enrollment_id
)
UPDATE derived.episode_fact f
SET window_end = x.new_end, primary_type = pt.group_type,
  pda_days_used = coalesce(f.pda_days_used + n.days_used, f.pda_days_used, n.days_used),
  pda_window_days = coalesce(f.pda_window_days + n.window_days, f.pda_window_days, n.window_days),
  active_weeks = f.active_weeks + coalesce(w.active_weeks, 0),
  checkin_weeks = f.checkin_weeks + coalesce(w.checkin_weeks, 0),
  goals_met = f.goals_met + coalesce(n.met, 0), goals_rated = f.goals_rated + coalesce(n.rated, 0)
FROM extended x
LEFT JOIN primary_type pt USING (enrollment_id)
LEFT JOIN week_gain w USING (enrollment_id)
LEFT JOIN new_checkin n USING (enrollment_id)
WHERE f.enrollment_id = x.enrollment_id`;

/** The rows derived.episode_fact held for the episodes about to change (the rollups' sets read them). */
export const OLD_EPISODE_FACT = 'derived_old_episode_fact';

const asOf = (c: BuildContext) => [c.asOf];
const asOfs = (c: BuildContext) => [c.asOf, c.previousAsOf];

export const EPISODE_FACT_STEPS: readonly BuildStep[] = [
  {
    kind: 'temp',
    table: 'derived_episode_row',
    body: episodeRowSql,
    // A keyed build's rows (keyedRows) read the old as-of too; a full build's do not.
    params: (c) => (c.previousAsOf === null ? asOf(c) : asOfs(c)),
  },
  {
    kind: 'temp',
    table: OLD_EPISODE_FACT,
    incrementalOnly: true,
    body: (keys) =>
      `SELECT * FROM derived.episode_fact WHERE ${keys.in('enrollment_id', 'episode')} OR ${keys.in('enrollment_id', 'shifted')}`,
  },
  { kind: 'temp', table: 'derived_extended_row', incrementalOnly: true, body: () => EXTENDED_ROW_SQL, params: asOfs },
  {
    kind: 'table',
    table: 'derived.episode_group_rows',
    key: 'enrollment_id',
    set: 'recomputed_episode',
    body: episodeGroupRowsSql,
  },
  { kind: 'statement', name: 'episode-group-rows-extended', sql: EXTENDED_GROUP_ROWS_SQL },
  {
    kind: 'table',
    table: 'derived.episode_fact',
    key: 'enrollment_id',
    set: 'recomputed_episode',
    body: episodeFactSql,
    params: asOf,
  },
  { kind: 'statement', name: 'episode-fact-extended', sql: EXTENDED_FACT_SQL, params: asOfs },
];
