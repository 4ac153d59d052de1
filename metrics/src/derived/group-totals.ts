// The group drill-down's derived tables (derived-schema.ts), for the API's
// DRILLDOWN_GROUPS_DERIVED_SQL; refreshed with the other derived tables, in the load's transaction.
//
// A group's participants in a period are those with a row at one of its sessions in the period;
// per participant and group (a "pair") that is decided by the pair's first and last session dates
// with a row, except for a period that falls inside a gap of the pair's dates: the tables keep the
// pairs, the running totals of each group's days, and exactly those gaps.

import { CHANGE_TABLES, RECENT_ROW } from './change-set';
import type { BuildStep, Keys } from './declaration';

// Each participant's rows in each group: first and last session date, and how many. Keyed by
// participant: the placements' participants (a moved session's roster is placed at both of its
// places). Those with a placement dated on or before the old as-of are recomputed from their own
// rows, read by participant (recounted_pair_participant); the others only gained rows after it,
// which extend their pairs (EXTENDED_PAIR_SQL): on a night of new sessions, nearly all of them.
const groupPairSql = (keys: Keys) => `
SELECT s.group_id, a.participant_id, min(s.session_date), max(s.session_date), count(*)
FROM attendance a
JOIN group_session s ON s.session_id = a.session_id AND s.session_date <= $1::date
WHERE ${keys.in('a.participant_id', 'recounted_pair_participant')}
GROUP BY s.group_id, a.participant_id`;

const RECOUNTED_PAIR_PARTICIPANT_SQL = `SELECT participant_id FROM derived_changed_placement WHERE session_date <= $1::date`;

// The rows after the old as-of ($1).
const EXTENDED_PAIR_SQL = `
INSERT INTO derived.group_pair AS p (group_id, participant_id, first_date, last_date, row_count)
SELECT group_id, participant_id, min(session_date), max(session_date), count(*)
FROM ${RECENT_ROW}
WHERE session_date > $1::date
  AND participant_id IN (SELECT k FROM derived_affected_pair_participant)
  AND participant_id NOT IN (SELECT k FROM derived_affected_recounted_pair_participant)
GROUP BY group_id, participant_id
ON CONFLICT (participant_id, group_id) DO UPDATE
SET last_date = excluded.last_date, row_count = p.row_count + excluded.row_count`;

const OLD_GROUP_PAIR = 'derived_old_group_pair';

// The first day each rebuilt pair changes the pairs started or ended on: of its first dates as
// stored and as rebuilt when they differ, and of its last dates likewise (a pair found or gone has
// NULL on one side).
const PAIR_CHANGE_DAYS = `
SELECT group_id, d
FROM ${OLD_GROUP_PAIR} o
FULL JOIN (
  SELECT * FROM derived.group_pair WHERE participant_id IN (SELECT k FROM derived_affected_pair_participant)
) n USING (group_id, participant_id)
CROSS JOIN LATERAL (VALUES
  (CASE WHEN o.first_date IS DISTINCT FROM n.first_date THEN least(o.first_date, n.first_date) END),
  (CASE WHEN o.last_date IS DISTINCT FROM n.last_date THEN least(o.last_date, n.last_date) END)) v (d)
WHERE d IS NOT NULL`;

// Per group, the first day whose running totals change: a day of a changed row or session (a
// moved session at its old and its new place), a day a rebuilt pair's start or end moved from or
// to, and every day of a group whose site or type changed. The days before stand, and so do
// their totals.
const GROUP_SINCE_SQL = `
SELECT group_id, session_date FROM derived_changed_placement
UNION ALL SELECT group_id, session_date FROM ${CHANGE_TABLES.session}
UNION ALL SELECT group_id, NULL FROM ${CHANGE_TABLES.group}
UNION ALL ${PAIR_CHANGE_DAYS}`;

const TOTALS = ['sessions', 'scheduled', 'attended', 'excused', 'responses', 'score_sum'];
const PAIR_TOTALS = ['pairs_started', 'pairs_ended'];

// Per group and session day (derived.session_fact covers the sessions up to as_of): the running
// totals through the day, from the day's sessions and pairs added to the totals of the group's last
// day that stands (none in a full build). The partition only needs equal keys, so it sorts them
// bytewise ("C"), which is much faster and gives the same partitions.
const groupDayTotalSql = (keys: Keys) => `
WITH day AS (
  SELECT group_id, session_date, count(*)::int AS sessions, sum(scheduled)::int AS scheduled,
    sum(present + late + left_early)::int AS attended, sum(excused)::int AS excused,
    sum(responses)::int AS responses, sum(score_sum) AS score_sum
  FROM derived.session_fact
  WHERE ${keys.since('group_id', 'session_date', 'group_since')}
  GROUP BY group_id, session_date
),
started AS (
  SELECT group_id, first_date AS session_date, count(*)::int AS pairs FROM derived.group_pair
  WHERE ${keys.since('group_id', 'first_date', 'group_since')} GROUP BY 1, 2
),
ended AS (
  SELECT group_id, last_date AS session_date, count(*)::int AS pairs FROM derived.group_pair
  WHERE ${keys.since('group_id', 'last_date', 'group_since')} GROUP BY 1, 2
),
base AS (
  SELECT g.group_id, b.*
  FROM (SELECT DISTINCT group_id FROM day) g
  CROSS JOIN LATERAL (
    SELECT ${[...TOTALS, ...PAIR_TOTALS].join(', ')} FROM derived.group_day_total t
    WHERE t.group_id = g.group_id ORDER BY t.session_date DESC LIMIT 1) b
)
SELECT d.group_id, d.session_date,
  ${TOTALS.map((c) => `coalesce(b.${c}, 0) + sum(d.${c}) OVER w`).join(', ')},
  coalesce(b.pairs_started, 0) + sum(coalesce(st.pairs, 0)) OVER w,
  coalesce(b.pairs_ended, 0) + sum(coalesce(en.pairs, 0)) OVER w
FROM day d
LEFT JOIN started st ON st.group_id = d.group_id AND st.session_date = d.session_date
LEFT JOIN ended en ON en.group_id = d.group_id AND en.session_date = d.session_date
LEFT JOIN base b ON b.group_id = d.group_id
WINDOW w AS (PARTITION BY d.group_id COLLATE "C" ORDER BY d.session_date)`;

// Participants whose gaps may change: those of the rebuilt pairs, and those of the pairs (as stored
// or rebuilt) whose dates span a changed session of their group, which may now fall inside or no
// longer fall inside one of their gaps.
const GAP_PARTICIPANT_SQL = `
SELECT k FROM derived_affected_pair_participant
UNION ALL
SELECT p.participant_id
FROM ${CHANGE_TABLES.session} c
JOIN (SELECT * FROM derived.group_pair UNION ALL SELECT * FROM ${OLD_GROUP_PAIR}) p
  ON p.group_id = c.group_id AND c.session_date > p.first_date AND c.session_date < p.last_date`;

// Only a pair with fewer rows than its group had sessions from the pair's first to its last date
// (the running sessions on its last day, less those before its first) can have a gap around a
// session day: few, as a pair has a row, of any status, at every session it was scheduled for.
const gapCandidateSql = (keys: Keys) => `
SELECT p.group_id, p.participant_id
FROM derived.group_pair p
JOIN derived.group_day_total l ON l.group_id = p.group_id AND l.session_date = p.last_date
LEFT JOIN LATERAL (
  SELECT t.sessions FROM derived.group_day_total t
  WHERE t.group_id = p.group_id AND t.session_date < p.first_date
  ORDER BY t.session_date DESC LIMIT 1) f ON true
WHERE ${keys.in('p.participant_id', 'gap_participant')}
  AND p.row_count < l.sessions - coalesce(f.sessions, 0)`;

// Their consecutive dates with rows, kept when the group held a session between them. A gap
// between two consecutive session days of the group never contains a period with sessions of the
// group, and a group without sessions in a period is not shown.
const GROUP_PARTICIPANT_GAP_SQL = `
WITH candidate_date AS (
  SELECT DISTINCT c.group_id, c.participant_id, s.session_date
  FROM derived_gap_candidate c
  JOIN attendance a ON a.participant_id = c.participant_id
  JOIN group_session s ON s.session_id = a.session_id AND s.group_id = c.group_id AND s.session_date <= $1::date
),
step AS (
  SELECT group_id, participant_id, session_date AS gap_from,
    lead(session_date) OVER (PARTITION BY group_id, participant_id ORDER BY session_date) AS gap_to
  FROM candidate_date
)
SELECT st.group_id, st.participant_id, st.gap_from, st.gap_to
FROM step st
WHERE EXISTS (
  SELECT 1 FROM group_session s
  WHERE s.group_id = st.group_id AND s.session_date > st.gap_from AND s.session_date < st.gap_to)`;

// The pairs of participants with rows in two or more groups of one type.
const multiGroupParticipantSql = (keys: Keys) => `
SELECT group_id, participant_id, group_type, first_date, last_date
FROM (
  SELECT p.*, g.group_type, count(*) OVER (PARTITION BY p.participant_id COLLATE "C", g.group_type) AS type_groups
  FROM derived.group_pair p JOIN therapy_group g ON g.group_id = p.group_id
  WHERE ${keys.in('p.participant_id', 'pair_participant')}
) pair
WHERE type_groups > 1`;

const asOf = (c: { asOf: string }) => [c.asOf];

/**
 * The group drill-down's tables: the pairs and the pairs in two groups of a type keyed by
 * participant, the running totals by group from a day on, the gaps by participant. They read
 * derived.session_fact, so come after it.
 */
export const GROUP_TOTAL_STEPS: readonly BuildStep[] = [
  {
    kind: 'temp',
    table: OLD_GROUP_PAIR,
    incrementalOnly: true,
    body: (keys) => `SELECT * FROM derived.group_pair WHERE ${keys.in('participant_id', 'pair_participant')}`,
  },
  {
    kind: 'set',
    name: 'recounted_pair_participant',
    sql: () => RECOUNTED_PAIR_PARTICIPANT_SQL,
    params: (c) => [c.previousAsOf],
  },
  {
    kind: 'table',
    table: 'derived.group_pair',
    key: 'participant_id',
    set: 'recounted_pair_participant',
    body: groupPairSql,
    params: asOf,
  },
  { kind: 'statement', name: 'group-pair-extended', sql: EXTENDED_PAIR_SQL, params: (c) => [c.previousAsOf] },
  { kind: 'set', name: 'group_since', since: true, sql: () => GROUP_SINCE_SQL },
  {
    kind: 'table',
    table: 'derived.group_day_total',
    key: 'group_id',
    since: 'session_date',
    set: 'group_since',
    body: groupDayTotalSql,
  },
  { kind: 'set', name: 'gap_participant', sql: () => GAP_PARTICIPANT_SQL },
  // With statistics, the candidates' dates are read by participant index.
  { kind: 'temp', table: 'derived_gap_candidate', body: gapCandidateSql },
  {
    kind: 'table',
    table: 'derived.group_participant_gap',
    key: 'participant_id',
    set: 'gap_participant',
    body: () => GROUP_PARTICIPANT_GAP_SQL,
    params: asOf,
  },
  {
    kind: 'table',
    table: 'derived.multi_group_participant',
    key: 'participant_id',
    set: 'pair_participant',
    body: multiGroupParticipantSql,
  },
];
