// The per-session facts (derived.session_fact) and their weekly and daily cells, keyed by session and by
// the weeks and days of the sessions rebuilt (as stored before and as rebuilt).

import { ALLIANCE_FLAG_MAX_SCORE as FLAG_MAX_SCORE, ATTENDED_SQL as ATTENDED, REENGAGEMENT_DAYS } from '../vocabulary';
import { reEngagedSql } from '../attendance/session-accountability.sql';
import type { BuildContext, BuildStep, Keys } from './declaration';
import { SESSION_SUM_COLUMNS } from './derived-constants';

const SUMS = SESSION_SUM_COLUMNS.map((c) => `sum(${c})`).join(', ');

/** Whether session `s` is old enough at as-of ($1) for its absent rows' re-engagement to be judged. */
const JUDGED = (s: string) => `${s}.session_date <= $1::date - ${REENGAGEMENT_DAYS}`;

// Re-engagement of an absent row (reEngagedSql) is read by index from each row of the session, so
// a keyed build reads only the affected sessions' rows and their follow-ups. Only judged rows count
// (JUDGED: dated on or before as_of − 14, as the figure reads them), so the window never passes as_of
// and the count holds for any earlier as-of; a more recent session stores 0 until as-of passes it.
const sessionFactSql = (keys: Keys) => `
WITH row_fact AS (
  SELECT a.session_id, a.status, f.session_id IS NOT NULL AS has_feedback,
    a.status = 'absent' AND ${JUDGED('s')} AND ${reEngagedSql('a', 's', '$1::date')} AS reengaged
  FROM attendance a
  JOIN group_session s ON s.session_id = a.session_id AND s.session_date <= $1::date
  LEFT JOIN feedback f ON f.session_id = a.session_id AND f.participant_id = a.participant_id
  WHERE ${keys.in('a.session_id', 'session')}
),
row_counts AS (
  SELECT session_id, count(*) AS scheduled,
    count(*) FILTER (WHERE status = 'present') AS present,
    count(*) FILTER (WHERE status = 'late') AS late,
    count(*) FILTER (WHERE status = 'left_early') AS left_early,
    count(*) FILTER (WHERE status = 'absent') AS absent,
    count(*) FILTER (WHERE status = 'excused') AS excused,
    count(*) FILTER (WHERE status IN ${ATTENDED} AND has_feedback) AS feedback_attended,
    count(*) FILTER (WHERE reengaged) AS reengaged
  FROM row_fact GROUP BY session_id
),
feedback_counts AS (
  SELECT session_id, count(*) AS responses,
    count(*) FILTER (WHERE relationship + goals_topics + approach + overall <= ${FLAG_MAX_SCORE}) AS flagged,
    sum(relationship + goals_topics + approach + overall) AS score_sum,
    sum(relationship) AS relationship_sum, sum(goals_topics) AS goals_topics_sum,
    sum(approach) AS approach_sum, sum(overall) AS overall_sum
  FROM feedback WHERE ${keys.in('session_id', 'session')} GROUP BY session_id
)
SELECT s.session_id, s.group_id, g.site_id, g.group_type, s.session_date,
  (s.session_date - (extract(isodow FROM s.session_date)::int - 1)),
  coalesce(r.scheduled, 0), coalesce(r.present, 0), coalesce(r.late, 0), coalesce(r.left_early, 0),
  coalesce(r.absent, 0), coalesce(r.excused, 0), coalesce(r.feedback_attended, 0), coalesce(r.reengaged, 0),
  coalesce(f.responses, 0), coalesce(f.flagged, 0), coalesce(f.score_sum, 0), coalesce(f.relationship_sum, 0),
  coalesce(f.goals_topics_sum, 0), coalesce(f.approach_sum, 0), coalesce(f.overall_sum, 0)
FROM group_session s
JOIN therapy_group g ON g.group_id = s.group_id
LEFT JOIN row_counts r ON r.session_id = s.session_id
LEFT JOIN feedback_counts f ON f.session_id = s.session_id
WHERE s.session_date <= $1::date AND ${keys.in('s.session_id', 'session')}`;

const sessionTypeWeekSql = (keys: Keys) => `
SELECT week, site_id, group_type, min(session_date), max(session_date), count(*), ${SUMS}
FROM derived.session_fact WHERE ${keys.in('week', 'session_week')} GROUP BY week, site_id, group_type`;

// The days of the weekly cells, for the days a period keeps of a week it cuts.
const sessionTypeDaySql = (keys: Keys) => `
SELECT session_date, week, site_id, group_type, count(*), ${SUMS}
FROM derived.session_fact WHERE ${keys.in('session_date', 'session_day')} GROUP BY session_date, week, site_id, group_type`;

const sessionGroupWeekSql = (keys: Keys) => `
SELECT week, group_id, site_id, group_type, min(session_date), max(session_date), ${SUMS}
FROM derived.session_fact WHERE ${keys.in('week', 'session_week')} GROUP BY week, group_id, site_id, group_type`;

// The sessions that as-of's move makes judged, and those before an earlier changed row in its group,
// keep every fact but the re-engaged count, which is recounted from their absent rows alone
// (change-set.ts, reengagement_session).
const REENGAGEMENT_SQL = `
WITH recounted AS (
  SELECT a.session_id, count(*) FILTER (WHERE ${reEngagedSql('a', 's', '$1::date')}) AS reengaged
  FROM group_session s
  JOIN attendance a ON a.session_id = s.session_id AND a.status = 'absent'
  WHERE s.session_id IN (SELECT k FROM derived_affected_reengagement_session)
  GROUP BY a.session_id
)
UPDATE derived.session_fact f SET reengaged = r.reengaged
FROM recounted r
WHERE f.session_id = r.session_id AND f.reengaged <> r.reengaged`;

// The cells of the sessions rebuilt (as stored before and as rebuilt) and recounted.
const OLD_SESSION_FACT = `derived_old_session_fact`;
const sessionRows = (column: string) =>
  `SELECT ${column} FROM ${OLD_SESSION_FACT}
   UNION ALL SELECT ${column} FROM derived.session_fact
   WHERE session_id IN (SELECT k FROM derived_affected_session)
     OR session_id IN (SELECT k FROM derived_affected_reengagement_session)`;
const asOf = (c: BuildContext) => [c.asOf];

export const SESSION_FACT_STEPS: readonly BuildStep[] = [
  {
    kind: 'temp',
    table: OLD_SESSION_FACT,
    incrementalOnly: true,
    body: (keys) => `SELECT * FROM derived.session_fact WHERE ${keys.in('session_id', 'session')}`,
  },
  {
    kind: 'table',
    table: 'derived.session_fact',
    key: 'session_id',
    set: 'session',
    body: sessionFactSql,
    params: asOf,
  },
  { kind: 'statement', name: 'session-fact-reengagement', sql: REENGAGEMENT_SQL, params: asOf },
  { kind: 'set', name: 'session_week', sql: () => sessionRows('week') },
  { kind: 'set', name: 'session_day', sql: () => sessionRows('session_date') },
  { kind: 'table', table: 'derived.session_type_week', key: 'week', set: 'session_week', body: sessionTypeWeekSql },
  {
    kind: 'table',
    table: 'derived.session_type_day',
    key: 'session_date',
    set: 'session_day',
    body: sessionTypeDaySql,
  },
  { kind: 'table', table: 'derived.session_group_week', key: 'week', set: 'session_week', body: sessionGroupWeekSql },
];
