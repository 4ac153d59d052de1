// What a load changed, as the loader reports it, and the affected sets the incremental build
// derives from it. The loader writes the changed source rows into these temporary tables (inside
// its transaction, from its upsert statements); the layer reads them in refreshDerivedTables.
//
// The sets (one column `k` each) and why each is wide enough:
// - participant: participants with a changed episode (old and new owner): every episode of theirs
//   is recomputed (an episode's check-ins stop at the next admission, and previous_window_end reads
//   the episode before).
// - placement (a temp table, not a set): each changed attendance or feedback row at its session's
//   group and date, and each row of a changed session at the session's old and at its new group
//   and date (a moved session changes the cells of both).
// - episode: the episodes of `participant`, the changed episodes, the episode holding each
//   placement, and the episode of each changed check-in (the participant's latest admitted on or
//   before it: every fact reads a check-in only there): the episodes whose facts are recomputed.
//   The latest episode is asked for as a range of the btree (participant_id, admission_date) read
//   backwards: with `participant_id =`, the planner probed the GiST exclusion index and sorted
//   (0.6 s for a week's 11,000 check-ins at 100,000 participants).
// - shifted: when the as-of date moves, the episodes open at the old as-of that are not in
//   `episode`. Only their window_end moves (to the new as-of): nothing of theirs is dated after the
//   old as-of, as that was the latest date in the data, so none of their other facts change.
// - recomputed_episode: the episodes of `episode` with a change other than new rows dated after
//   the old as-of (each of its sources but the check-ins and placements dated after it). Their
//   facts and early warning are recomputed from all of their rows.
// - extended_episode: the rest of `episode` and `shifted`: the episodes open at the old as-of whose
//   only change is new rows after it (as that was the latest date in the data, their stored facts
//   stand for the rows up to it), and closed ones whose latest check-in before a new one is theirs
//   (a follow-up check-in after discharge can count in the discharge week). Their facts
//   (episode-facts.ts) and early warning (episode-warning.ts) are extended by the new rows.
// - milestone_episode: `episode` plus, when as-of moves, the episodes whose admission date makes
//   them eligible for a milestone at one as-of but not at the other.
// - week: the ISO weeks of the placements and of the days an episode's window gained or lost.
// - session: the changed sessions, the sessions of changed groups and those of the placements:
//   their facts are recomputed.
// - reengagement_session: the other sessions whose re-engaged count may change (only the absent
//   rows of a session dated on or before as-of − 14 are judged, and counted): those that as-of's
//   move makes judged, and those of a placement's group in the 14 days up to a placement dated on
//   or before the old as-of (an absent row's re-engagement reads the participant's rows in the
//   group in the 14 days after it; a later placement only reaches the newly judged ones). Only
//   their re-engaged counts are recounted.
// - pair_participant: the placements' participants (the group drill-down's participant-group
//   pairs; group-totals.ts derives the days and gaps to rebuild from them).
// The program's rows of the last days (RECENT_ROW) are read once here, for the statements that
// extend stored facts by them (episode facts, early warning, group pairs).
// Sets of the rollups (admission days, months, weeks, days) are taken from the rows their fact
// tables held before and after (refresh.ts).

import type { PoolClient } from 'pg';
import { ABSTINENCE_MILESTONES, REENGAGEMENT_DAYS, WARNING_COUNT_DAYS } from '../vocabulary';
import { analyzeBuildTablesSql, type AffectedSet, type BuildStep, type TempTable } from './declaration';

/** The temporary tables a load fills with what it changed (see createChangeTables). */
export const CHANGE_TABLES = {
  /** A check-in inserted or updated. */
  checkin: 'derived_changed_checkin',
  /** An episode as stored before (stored = true) and as loaded (stored = false). */
  episode: 'derived_changed_episode',
  /** A session as stored before and as loaded: its group and date. */
  session: 'derived_changed_session',
  /** A group whose site or type changed: every session of it counts as changed. */
  group: 'derived_changed_group',
  /** An attendance or feedback row inserted or updated. */
  row: 'derived_changed_row',
  /** A participant inserted or updated. */
  participant: 'derived_changed_participant',
} as const;

const CHANGE_TABLE_SQL = [
  `CREATE TEMP TABLE ${CHANGE_TABLES.checkin} (participant_id text NOT NULL, report_date date NOT NULL) ON COMMIT DROP`,
  `CREATE TEMP TABLE ${CHANGE_TABLES.episode} (enrollment_id text NOT NULL, participant_id text NOT NULL,
     admission_date date NOT NULL, discharge_date date, stored boolean NOT NULL) ON COMMIT DROP`,
  `CREATE TEMP TABLE ${CHANGE_TABLES.session} (session_id text NOT NULL, group_id text NOT NULL,
     session_date date NOT NULL) ON COMMIT DROP`,
  `CREATE TEMP TABLE ${CHANGE_TABLES.group} (group_id text NOT NULL) ON COMMIT DROP`,
  `CREATE TEMP TABLE ${CHANGE_TABLES.row} (session_id text NOT NULL, participant_id text NOT NULL) ON COMMIT DROP`,
  `CREATE TEMP TABLE ${CHANGE_TABLES.participant} (participant_id text NOT NULL) ON COMMIT DROP`,
];

/** How the load's refresh goes, decided before the load writes anything (see startDerivedChanges). */
export interface DerivedChanges {
  /** Whether the load records its changes and the refresh rebuilds only what they affect. */
  incremental: boolean;
  /** The derived tables' as-of before the load (incremental only). */
  previousAsOf: string | null;
  /** Why the refresh is a full rebuild (for the logs), or null. */
  fullBecause: string | null;
}

/**
 * Called by a load before it writes any source row (a write deletes derived.meta): the derived
 * tables are current and of the declarations' version, so the load records its changes in the
 * change tables, created here; else the refresh will be a full rebuild and nothing is recorded.
 */
export async function startDerivedChanges(client: PoolClient, version: string): Promise<DerivedChanges> {
  const { rows } = await client.query<{ asOf: string; declarations: string | null }>(
    `SELECT to_char(as_of, 'YYYY-MM-DD') AS "asOf", declarations FROM derived.meta`,
  );
  const meta = rows[0];
  const fullBecause =
    meta === undefined
      ? 'the derived tables are empty or stale'
      : meta.declarations !== version
        ? 'the derived tables were built by other declarations'
        : null;
  if (fullBecause !== null) return { incremental: false, previousAsOf: null, fullBecause };
  for (const sql of CHANGE_TABLE_SQL) await client.query(sql);
  return { incremental: true, previousAsOf: meta!.asOf, fullBecause: null };
}

const MAX_MILESTONE = Math.max(...ABSTINENCE_MILESTONES);
const MIN_MILESTONE = Math.min(...ABSTINENCE_MILESTONES);
const WEEK_OF = (date: string) => `(${date} - (extract(isodow FROM ${date})::int - 1))`;
const AS_OF_PARAMS = (c: { asOf: string; previousAsOf: string | null }) => [c.asOf, c.previousAsOf];
const moved = (c: { asOf: string; previousAsOf: string | null }) => c.previousAsOf !== c.asOf;

// The sessions of changed groups count as changed sessions; then every placement of a changed row.
const PLACEMENT: TempTable = {
  kind: 'temp',
  table: 'derived_changed_placement',
  incrementalOnly: true,
  body: () => `
SELECT r.participant_id, s.session_id, s.group_id, s.session_date
FROM ${CHANGE_TABLES.row} r JOIN group_session s USING (session_id)
UNION
SELECT a.participant_id, c.session_id, c.group_id, c.session_date
FROM (
  SELECT session_id, group_id, session_date FROM ${CHANGE_TABLES.session}
  UNION SELECT s.session_id, s.group_id, s.session_date
  FROM group_session s WHERE s.group_id IN (SELECT group_id FROM ${CHANGE_TABLES.group})
) c
JOIN attendance a USING (session_id)`,
};

const set = (name: string, sql: AffectedSet['sql'], params?: AffectedSet['params']): AffectedSet => ({
  kind: 'set',
  name,
  sql,
  params,
});

/**
 * The `episode` set's SQL; with `datedUpTo`, only the check-ins and placements dated on or before
 * it count (the episodes with a change other than new rows after that date).
 */
function episodeSourcesSql(datedUpTo?: string): string {
  const upTo = (date: string) => (datedUpTo ? `WHERE ${date} <= ${datedUpTo}` : '');
  return `
SELECT e.enrollment_id FROM enrollment e WHERE e.participant_id IN (SELECT k FROM derived_affected_participant)
UNION ALL SELECT enrollment_id FROM ${CHANGE_TABLES.episode}
UNION ALL SELECT (
  SELECT e.enrollment_id FROM enrollment e
  WHERE (e.participant_id, e.admission_date) BETWEEN (c.participant_id, '-infinity'::date) AND (c.participant_id, c.report_date)
  ORDER BY e.participant_id DESC, e.admission_date DESC LIMIT 1)
FROM ${CHANGE_TABLES.checkin} c ${upTo('c.report_date')}
UNION ALL SELECT e.enrollment_id
FROM (SELECT DISTINCT participant_id, session_date FROM derived_changed_placement ${upTo('session_date')}) p
JOIN enrollment e ON e.participant_id = p.participant_id AND e.admission_date <= p.session_date
  AND (e.discharge_date IS NULL OR e.discharge_date >= p.session_date)`;
}

/** The attendance rows of the last days, with their sessions and groups (see RECENT_ROW_STEP). */
export const RECENT_ROW = 'derived_recent_row';

/**
 * The first day of RECENT_ROW, for statements given the as-of ($1) and the old as-of ($2): the
 * Monday of the old as-of's week (the weeks whose episode facts can change) or the early warning's
 * first counting day back from as-of, whichever comes first.
 */
export const RECENT_ROW_FIRST_DAY = `least(date_trunc('week', $2::date)::date, $1::date - ${WARNING_COUNT_DAYS - 1})`;

// Every row from RECENT_ROW_FIRST_DAY to as-of: read by the session date index, then the
// attendance key, once for the statements that extend facts by them and for the keyed episode
// rows of the weeks they cover.
const RECENT_ROW_STEP: TempTable = {
  kind: 'temp',
  table: RECENT_ROW,
  incrementalOnly: true,
  body: () => `
SELECT a.participant_id, s.session_id, s.group_id, s.session_date, a.status, a.minutes_attended,
  s.duration_minutes, g.site_id, g.group_type
FROM group_session s
JOIN therapy_group g ON g.group_id = s.group_id
JOIN attendance a ON a.session_id = s.session_id
WHERE s.session_date >= ${RECENT_ROW_FIRST_DAY} AND s.session_date <= $1::date`,
  params: AS_OF_PARAMS,
};

/** The sets from the change tables, before any derived table is rebuilt. */
export const CHANGE_SET_STEPS: readonly BuildStep[] = [
  // The planner needs their sizes: from a handful of rows to a week's attendance.
  { kind: 'statement', name: 'analyze-changes', sql: analyzeBuildTablesSql(Object.values(CHANGE_TABLES).join(', ')) },
  PLACEMENT,
  set('participant', () => `SELECT participant_id FROM ${CHANGE_TABLES.episode}`),
  set('episode', () => episodeSourcesSql()),
  set('shifted', (c) =>
    moved(c)
      ? `SELECT enrollment_id FROM derived.episode_fact
           WHERE discharge_date IS NULL AND enrollment_id NOT IN (SELECT k FROM derived_affected_episode)`
      : `SELECT NULL::text WHERE false`,
  ),
  set(
    'recomputed_episode',
    () => episodeSourcesSql('$1::date'),
    (c) => [c.previousAsOf],
  ),
  set(
    'extended_episode',
    () => `
SELECT k FROM derived_affected_episode WHERE k NOT IN (SELECT k FROM derived_affected_recomputed_episode)
UNION ALL SELECT k FROM derived_affected_shifted`,
  ),
  set(
    'milestone_episode',
    (c) =>
      `SELECT k FROM derived_affected_episode` +
      (moved(c)
        ? ` UNION ALL SELECT enrollment_id FROM enrollment
            WHERE admission_date > least($1::date, $2::date) - ${MAX_MILESTONE + 14}
              AND admission_date <= greatest($1::date, $2::date) - ${MIN_MILESTONE + 14}`
        : ''),
    (c) => (moved(c) ? AS_OF_PARAMS(c) : []),
  ),
  // A changed episode's rows are those of its window as stored (to the old as-of when open) and as
  // loaded: the days from its earlier admission to the day before its later one, and from the day
  // after its earlier end to its later end; all of its windows when it is new or changed participant.
  set(
    'week',
    () => `
SELECT ${WEEK_OF('session_date')} FROM derived_changed_placement
UNION ALL
SELECT w::date
FROM (
  SELECT bool_or(stored) AS had, count(DISTINCT participant_id) AS owners,
    min(admission_date) AS a_lo, max(admission_date) AS a_hi,
    min(coalesce(discharge_date, CASE WHEN stored THEN $2::date ELSE $1::date END)) AS e_lo,
    max(coalesce(discharge_date, CASE WHEN stored THEN $2::date ELSE $1::date END)) AS e_hi
  FROM ${CHANGE_TABLES.episode} GROUP BY enrollment_id
) c
CROSS JOIN LATERAL (
  SELECT a_lo, e_hi WHERE NOT had OR owners > 1
  UNION ALL SELECT a_lo, a_hi - 1 WHERE had AND owners = 1
  UNION ALL SELECT e_lo + 1, e_hi WHERE had AND owners = 1
) r (lo, hi)
CROSS JOIN LATERAL generate_series(${WEEK_OF('lo')}, hi, interval '1 week') w
WHERE lo <= hi`,
    AS_OF_PARAMS,
  ),
  set(
    'session',
    () => `
SELECT session_id FROM ${CHANGE_TABLES.session}
UNION ALL SELECT session_id FROM group_session WHERE group_id IN (SELECT group_id FROM ${CHANGE_TABLES.group})
UNION ALL SELECT session_id FROM derived_changed_placement`,
  ),
  set(
    'reengagement_session',
    () => `
SELECT session_id
FROM (
  SELECT session_id FROM group_session
  WHERE session_date > $2::date - ${REENGAGEMENT_DAYS} AND session_date <= $1::date - ${REENGAGEMENT_DAYS}
  UNION ALL
  SELECT s.session_id
  FROM (SELECT DISTINCT group_id, session_date FROM derived_changed_placement WHERE session_date <= $2::date) p
  JOIN group_session s ON s.group_id = p.group_id
    AND s.session_date BETWEEN p.session_date - ${REENGAGEMENT_DAYS} AND p.session_date
  WHERE s.session_date <= $1::date - ${REENGAGEMENT_DAYS}
) r
WHERE session_id NOT IN (SELECT k FROM derived_affected_session)`,
    AS_OF_PARAMS,
  ),
  set('pair_participant', () => `SELECT participant_id FROM derived_changed_placement`),
  RECENT_ROW_STEP,
];
