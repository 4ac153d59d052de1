// The early warning's derived table (derived-schema.ts), for the API's
// EARLY_WARNING_DERIVED_SQL; refreshed with the other derived tables, in the load's transaction.

import {
  ALLIANCE_FLAG_MAX_SCORE as FLAG_MAX_SCORE,
  ATTENDED_SQL as ATTENDED,
  WARNING_ATTENDED_DAYS,
  WARNING_COUNT_DAYS,
  WARNING_RECENT_DAYS,
} from '../vocabulary';
import { RECENT_ROW } from './change-set';
import type { BuildStep } from './declaration';

// The two facts counted back from as-of ($1), over an episode's rows (session_date, status).
const ROWS_RECENT = `count(*) FILTER (WHERE session_date > $1::date - ${WARNING_RECENT_DAYS})::int`;
const ATTENDED_LAST = `count(*) FILTER (WHERE session_date > $1::date - ${WARNING_ATTENDED_DAYS} AND status IN ${ATTENDED})::int`;

const FLAGS = ['two_absent', 'not_attending', 'low_feedback', 'use_reported', 'no_checkin'] as const;
type Flag = (typeof FLAGS)[number];

/** The five flags of an episode from its facts; `fact` gives the SQL of each fact column. */
const flagsOf = (fact: (column: string) => string): Record<Flag, string> => ({
  two_absent: `coalesce(${fact('last_two_statuses')} = ARRAY['absent', 'absent'], false)`,
  not_attending: `coalesce(${fact('rows_recent')} > 0 AND ${fact('attended_last')} = 0, false)`,
  low_feedback: `coalesce(${fact('last_feedback_score')} <= ${FLAG_MAX_SCORE}, false)`,
  use_reported: `coalesce(${fact('last_days_used')} > 0, false)`,
  no_checkin: `(${fact('last_checkin_date')} IS NULL OR ${fact('last_checkin_date')} <= $1::date - ${WARNING_RECENT_DAYS})`,
});

const reasonCountOf = (flags: Record<Flag, string>) => FLAGS.map((flag) => `(${flags[flag]})::int`).join(' + ');

// The score of feedback row `f` (the early warning's low_feedback reads the latest).
const FEEDBACK_SCORE = 'f.relationship + f.goals_topics + f.approach + f.overall';

// In `flagged`, the facts are its joined CTEs' columns (names unique to each); after it, the flags
// are its own columns.
const INPUT_FLAGS = flagsOf((column) => column);
const STORED_FLAGS = Object.fromEntries(FLAGS.map((flag) => [flag, flag])) as Record<Flag, string>;

/**
 * The early warning's per-episode facts, one definition for the API's live statement and for the
 * derived table: CTEs ending in `judged`, one row per episode open at as_of ($1) with its facts,
 * its five flags and reason_count. An episode is open at as_of when admitted on or before it and
 * not discharged on or before it; its rows, feedback and check-ins are those dated inside its
 * window, up to as_of, in any group; rows of one date are ordered by session_id (descending) so
 * that "most recent" is deterministic. `siteFilter`: an extra condition on enrollment `e`.
 */
export function episodeWarningCtes(siteFilter = ''): string {
  return `
open_episode AS (
  SELECT e.enrollment_id, e.participant_id, e.site_id, e.admission_date
  FROM enrollment e
  WHERE e.admission_date <= $1::date
    AND (e.discharge_date IS NULL OR e.discharge_date > $1::date)
    ${siteFilter}
),
episode_row AS (
  SELECT ep.enrollment_id, s.session_date, a.status,
    ${FEEDBACK_SCORE} AS score,
    row_number() OVER (PARTITION BY ep.enrollment_id ORDER BY s.session_date DESC, s.session_id DESC) AS recency
  FROM open_episode ep
  JOIN attendance a ON a.participant_id = ep.participant_id
  JOIN group_session s ON s.session_id = a.session_id AND s.session_date BETWEEN ep.admission_date AND $1::date
  LEFT JOIN feedback f ON f.session_id = a.session_id AND f.participant_id = a.participant_id
),
row_fact AS (
  SELECT enrollment_id,
    max(session_date) AS last_session_date,
    max(session_date) FILTER (WHERE status IN ${ATTENDED}) AS last_attended_date,
    array_agg(status::text ORDER BY recency) FILTER (WHERE recency <= 2) AS last_two_statuses,
    ${ROWS_RECENT} AS rows_recent, ${ATTENDED_LAST} AS attended_last
  FROM episode_row
  GROUP BY enrollment_id
),
feedback_fact AS (
  SELECT DISTINCT ON (enrollment_id) enrollment_id, session_date AS last_feedback_date, score AS last_feedback_score
  FROM episode_row
  WHERE score IS NOT NULL
  ORDER BY enrollment_id, recency
),
checkin_fact AS (
  SELECT DISTINCT ON (ep.enrollment_id) ep.enrollment_id,
    c.report_date AS last_checkin_date, c.days_used AS last_days_used
  FROM open_episode ep
  JOIN sobriety_checkin c ON c.participant_id = ep.participant_id
    AND c.report_date BETWEEN ep.admission_date AND $1::date
  ORDER BY ep.enrollment_id, c.report_date DESC
),
flagged AS (
  SELECT ep.*, r.last_session_date, r.last_attended_date, r.last_two_statuses,
    coalesce(r.rows_recent, 0) AS rows_recent, coalesce(r.attended_last, 0) AS attended_last,
    fb.last_feedback_date, fb.last_feedback_score, ci.last_checkin_date, ci.last_days_used,
    ${Object.entries(INPUT_FLAGS)
      .map(([name, sql]) => `${sql} AS ${name}`)
      .join(',\n    ')}
  FROM open_episode ep
  LEFT JOIN row_fact r USING (enrollment_id)
  LEFT JOIN feedback_fact fb USING (enrollment_id)
  LEFT JOIN checkin_fact ci USING (enrollment_id)
),
judged AS (
  SELECT f.*,
    ${reasonCountOf(STORED_FLAGS)} AS reason_count
  FROM flagged f
)`;
}

// An open episode whose only change is new rows after the old as-of ($2), or none (change-set.ts,
// extended_episode): its stored facts stand for its rows up to $2 (the latest date in the data
// then), so the latest row, feedback and check-in are the stored ones unless a new one came, and
// only the counts back from as-of are recounted, from the rows of the last days.
const MERGED = flagsOf((column) => `n.${column}`);
const EXTENDED_WARNING_SQL = `
WITH extended AS (
  SELECT * FROM derived.episode_warning WHERE enrollment_id IN (SELECT k FROM derived_affected_extended_episode)
),
-- Only a new row's feedback can be the latest: read for the new sessions alone, by the key's
-- session (one probe per session instead of one per row: 10,000 instead of 83,000 a night).
new_score AS (
  SELECT f.session_id, f.participant_id, ${FEEDBACK_SCORE} AS score
  FROM (SELECT DISTINCT session_id FROM ${RECENT_ROW} WHERE session_date > $2::date) s
  CROSS JOIN LATERAL (SELECT * FROM feedback x WHERE x.session_id = s.session_id OFFSET 0) f
),
recent_row AS (
  SELECT ep.enrollment_id, r.session_date, r.session_id, r.status, ns.score
  FROM extended ep
  JOIN ${RECENT_ROW} r ON r.participant_id = ep.participant_id
    AND r.session_date > least($1::date - ${WARNING_COUNT_DAYS}, $2::date) AND r.session_date >= ep.admission_date
  LEFT JOIN new_score ns ON ns.session_id = r.session_id AND ns.participant_id = r.participant_id
),
new_row_fact AS (
  SELECT enrollment_id, max(session_date) AS last_session_date,
    max(session_date) FILTER (WHERE status IN ${ATTENDED}) AS last_attended_date,
    (array_agg(status::text ORDER BY session_date DESC, session_id DESC))[1:2] AS statuses
  FROM recent_row WHERE session_date > $2::date GROUP BY enrollment_id
),
new_feedback AS (
  SELECT DISTINCT ON (enrollment_id) enrollment_id, session_date, score
  FROM recent_row WHERE session_date > $2::date AND score IS NOT NULL
  ORDER BY enrollment_id, session_date DESC, session_id DESC
),
recent_count AS (
  SELECT enrollment_id, ${ROWS_RECENT} AS rows_recent, ${ATTENDED_LAST} AS attended_last
  FROM recent_row GROUP BY enrollment_id
),
new_checkin AS (
  SELECT DISTINCT ON (ep.enrollment_id) ep.enrollment_id, c.report_date, c.days_used
  FROM extended ep
  JOIN sobriety_checkin c ON c.participant_id = ep.participant_id AND c.report_date > $2::date AND c.report_date <= $1::date
  ORDER BY ep.enrollment_id, c.report_date DESC
),
merged AS (
  SELECT ep.enrollment_id,
    coalesce(r.last_session_date, ep.last_session_date) AS last_session_date,
    coalesce(r.last_attended_date, ep.last_attended_date) AS last_attended_date,
    CASE WHEN r.statuses IS NULL THEN ep.last_two_statuses
         ELSE (r.statuses || coalesce(ep.last_two_statuses, '{}'))[1:2] END AS last_two_statuses,
    coalesce(rc.rows_recent, 0) AS rows_recent, coalesce(rc.attended_last, 0) AS attended_last,
    CASE WHEN fb.enrollment_id IS NULL THEN ep.last_feedback_date ELSE fb.session_date END AS last_feedback_date,
    CASE WHEN fb.enrollment_id IS NULL THEN ep.last_feedback_score ELSE fb.score END AS last_feedback_score,
    CASE WHEN ci.enrollment_id IS NULL THEN ep.last_checkin_date ELSE ci.report_date END AS last_checkin_date,
    CASE WHEN ci.enrollment_id IS NULL THEN ep.last_days_used ELSE ci.days_used END AS last_days_used
  FROM extended ep
  LEFT JOIN new_row_fact r USING (enrollment_id)
  LEFT JOIN new_feedback fb USING (enrollment_id)
  LEFT JOIN recent_count rc USING (enrollment_id)
  LEFT JOIN new_checkin ci USING (enrollment_id)
)
UPDATE derived.episode_warning w
SET last_session_date = n.last_session_date, last_attended_date = n.last_attended_date,
  last_two_statuses = n.last_two_statuses, rows_recent = n.rows_recent, attended_last = n.attended_last,
  last_feedback_date = n.last_feedback_date, last_feedback_score = n.last_feedback_score,
  last_checkin_date = n.last_checkin_date, last_days_used = n.last_days_used,
  ${FLAGS.map((flag) => `${flag} = ${MERGED[flag]}`).join(', ')},
  reason_count = ${reasonCountOf(MERGED)}
FROM merged n
WHERE w.enrollment_id = n.enrollment_id`;

// Every episode open at as_of, at every site (the API filters by the episode's site); keyed by episode.
export const EPISODE_WARNING_STEPS: readonly BuildStep[] = [
  {
    kind: 'table',
    table: 'derived.episode_warning',
    key: 'enrollment_id',
    set: 'recomputed_episode',
    body: (keys) =>
      `WITH ${episodeWarningCtes(`AND ${keys.in('e.enrollment_id', 'recomputed_episode')}`)} SELECT * FROM judged`,
    params: (c) => [c.asOf],
  },
  {
    kind: 'statement',
    name: 'episode-warning-extended',
    sql: EXTENDED_WARNING_SQL,
    params: (c) => [c.asOf, c.previousAsOf],
  },
];
