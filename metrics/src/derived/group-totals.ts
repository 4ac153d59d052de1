// The group drill-down's derived tables (derived-schema.ts), for the API's
// DRILLDOWN_GROUPS_DERIVED_SQL; refreshed with the other derived tables, in the load's transaction.

import type { BuildStep, Keys } from './declaration';

// The group drill-down's derived form (api DRILLDOWN_GROUPS_DERIVED_SQL). A group's participants
// in a period are those with a row at one of its sessions in the period; per participant and
// group (a "pair") that is decided by the pair's first and last session dates with a row, except
// for a period that falls inside a gap of the pair's dates: the tables keep exactly those gaps.

// Each participant's rows in each group: first and last session date, and how many. Keyed: every
// pair of the affected groups, and every pair of the affected participants. One pass over the
// rows: a night's new sessions touch nearly every group, and reading their rows by index took
// four times as long as the pass (measured at 25,000 participants).
const groupParticipantSql = (keys: Keys) => `
SELECT s.group_id, a.participant_id, min(s.session_date) AS first_date, max(s.session_date) AS last_date,
  count(*) AS row_count
FROM attendance a
JOIN group_session s ON s.session_id = a.session_id AND s.session_date <= $1::date
WHERE ${keys.in('s.group_id', 'group')} OR ${keys.in('a.participant_id', 'pair_participant')}
GROUP BY s.group_id, a.participant_id`;

// Per group and session day (derived.session_fact covers the sessions up to as_of): the day's sessions
// and the running totals through the day. The partition only needs equal keys, so it sorts them
// bytewise ("C"), which is much faster and gives the same partitions.
const groupDaySql = (keys: Keys) => `
WITH day AS (
  SELECT group_id, session_date, count(*)::int AS sessions, sum(scheduled)::int AS scheduled,
    sum(present + late + left_early)::int AS attended, sum(excused)::int AS excused,
    sum(responses)::int AS responses, sum(score_sum) AS score_sum
  FROM derived.session_fact
  WHERE ${keys.in('group_id', 'group')}
  GROUP BY group_id, session_date
),
started AS (
  SELECT group_id, first_date AS session_date, count(*)::int AS pairs FROM derived_group_participant GROUP BY 1, 2
),
ended AS (
  SELECT group_id, last_date AS session_date, count(*)::int AS pairs FROM derived_group_participant GROUP BY 1, 2
)
SELECT d.group_id, d.session_date, d.sessions AS day_sessions,
  coalesce(st.pairs, 0) AS day_started, coalesce(en.pairs, 0) AS day_ended,
  sum(d.sessions) OVER w AS sessions, sum(d.scheduled) OVER w AS scheduled, sum(d.attended) OVER w AS attended,
  sum(d.excused) OVER w AS excused, sum(d.responses) OVER w AS responses, sum(d.score_sum) OVER w AS score_sum,
  sum(coalesce(st.pairs, 0)) OVER w AS pairs_started, sum(coalesce(en.pairs, 0)) OVER w AS pairs_ended
FROM day d
LEFT JOIN started st ON st.group_id = d.group_id AND st.session_date = d.session_date
LEFT JOIN ended en ON en.group_id = d.group_id AND en.session_date = d.session_date
WINDOW w AS (PARTITION BY d.group_id COLLATE "C" ORDER BY d.session_date)`;

const GROUP_DAY_TOTAL_SQL = `
SELECT group_id, session_date, sessions, scheduled, attended, excused, responses, score_sum,
  pairs_started, pairs_ended
FROM derived_group_day`;

// Only a pair with fewer rows than its group had sessions from the pair's first to its last date
// can have a gap around a session day. As no pair has more, the candidates are the pairs of groups
// whose rows are fewer than those session counts summed over their pairs (each pair's running
// sessions on its last day, less those before its first day): few, as a pair has a row, of any
// status, at every session it was scheduled for.
const GAP_CANDIDATE_SQL = `
WITH short_group AS (
  SELECT group_id
  FROM derived_group_day
  GROUP BY group_id
  HAVING max(scheduled) < sum(day_ended * sessions) - sum(day_started * (sessions - day_sessions))
)
SELECT p.group_id, p.participant_id
FROM derived_group_participant p
WHERE p.group_id IN (SELECT group_id FROM short_group)`;

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
  FROM derived_group_participant p JOIN therapy_group g ON g.group_id = p.group_id
  WHERE ${keys.in('p.participant_id', 'pair_participant')}
) pair
WHERE type_groups > 1`;

const asOf = (c: { asOf: string }) => [c.asOf];

/**
 * The group drill-down's tables, keyed by group (running totals and gaps over the group's whole
 * history) and by participant (the pairs of a participant's groups); read derived.session_fact, so come after it.
 */
export const GROUP_TOTAL_STEPS: readonly BuildStep[] = [
  { kind: 'temp', table: 'derived_group_participant', body: groupParticipantSql, params: asOf },
  { kind: 'temp', table: 'derived_group_day', body: groupDaySql },
  { kind: 'table', table: 'derived.group_day_total', key: 'group_id', set: 'group', body: () => GROUP_DAY_TOTAL_SQL },
  // A handful of candidates: with statistics, their dates are read by participant index.
  { kind: 'temp', table: 'derived_gap_candidate', body: () => GAP_CANDIDATE_SQL },
  {
    kind: 'table',
    table: 'derived.group_participant_gap',
    key: 'group_id',
    set: 'group',
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
