import type { PoolClient } from 'pg';
import { ABSTINENCE_MILESTONES } from '../vocabulary';
import { DEFAULT_AS_OF_SQL } from '../scope/scope';
import { CHANGE_SET_STEPS, startDerivedChanges, type DerivedChanges } from './change-set';
import {
  buildFull,
  buildIncremental,
  declarationVersion,
  derivedTablesOf,
  type AffectedSet,
  type BuildContext,
  type BuildStep,
  type DerivedTable,
  type Keys,
  type StepTimings,
} from './declaration';
import { OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES } from './derived-constants';
import { CRAVING_CELL_STEPS } from './craving-cells';
import { DERIVED_TABLE_DEFINITIONS } from './derived-schema';
import { createPendingIndexes, ensureDerivedTables } from './ensure-tables';
import { EPISODE_CELL_STEPS } from './episode-cells';
import { episodeOutcomeDaySql, episodeOutcomeMonthSql, outcomesAllSitesSql } from './episode-outcomes';
import { EPISODE_COVARIATE_STEPS } from './episode-covariates';
import { EPISODE_FACT_STEPS, OLD_EPISODE_FACT } from './episode-facts';
import { EPISODE_WARNING_STEPS } from './episode-warning';
import { GROUP_TOTAL_STEPS } from './group-totals';
import { PARTICIPANT_WEEK_STEPS } from './participant-weeks';
import { SESSION_FACT_STEPS } from './session-facts';
import { TABLE_FRESHNESS } from './table-freshness';

// The tables the loaded rows go into: those whose writes make the derived tables stale (the
// migrations' derived.invalidate triggers). A large load leaves them without fresh statistics, and
// the refresh's statements and the API's live SQL then get bad plans (the live early warning took
// 18 s instead of 5 s at 100,000 participants). Only those this transaction wrote
// (pg_stat_xact_user_tables; it may also count the session's earlier writes not yet reported,
// which costs an ANALYZE more, never one less): a night without new participants leaves theirs.
const WRITTEN_SOURCE_TABLES_SQL = `
SELECT coalesce(string_agg(relid::regclass::text, ', '), '') AS tables FROM pg_stat_xact_user_tables
WHERE relid IN (SELECT tgrelid FROM pg_trigger WHERE tgfoid = 'derived.invalidate()'::regprocedure)
  AND n_tup_ins + n_tup_upd + n_tup_del > 0`;

async function analyzeWrittenSourceTables(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ tables: string }>(WRITTEN_SOURCE_TABLES_SQL);
  if (rows[0]!.tables !== '') await client.query(`ANALYZE ${rows[0]!.tables}`);
}

// The overview without a site or type filter (api OVERVIEW_DERIVED_ALL_EPISODES_SQL): admissions
// and discharges per day, and what counts participants served (derived-schema.ts): the
// episodes whose window covers a day, admitted before it, as a running sum of changes (+1 the day
// after an admission, −1 the day after the window ends; episodes of one participant never overlap),
// and the readmissions with their previous episode's window end.
const episodeDaySql = (keys: Keys) => `
SELECT day, count(*) FILTER (WHERE admitted), count(*) FILTER (WHERE NOT admitted)
FROM (
  SELECT admission_date AS day, true AS admitted FROM derived.episode_fact
  UNION ALL
  SELECT discharge_date, false FROM derived.episode_fact WHERE discharge_date IS NOT NULL
) d
WHERE ${keys.in('day', 'day')}
GROUP BY day`;

const episodeCoverDaySql = (keys: Keys) => `
SELECT day, sum(change)
FROM (
  SELECT admission_date + 1 AS day, 1 AS change FROM derived.episode_fact WHERE window_end > admission_date
  UNION ALL
  SELECT window_end + 1, -1 FROM derived.episode_fact WHERE window_end > admission_date
) c
WHERE ${keys.in('day', 'cover_day')}
GROUP BY day
HAVING sum(change) <> 0`;

const episodeReadmissionSql = (keys: Keys) => `
SELECT admission_date, previous_window_end, count(*)
FROM derived.episode_fact
WHERE previous_window_end IS NOT NULL AND ${keys.in('admission_date', 'admission_day')}
GROUP BY admission_date, previous_window_end`;

// The check-in nearest to day m within m ± 14 of eligible episodes; ties to the later; never one of
// a later episode of the participant.
const episodeMilestoneSql = (keys: Keys) => `
SELECT DISTINCT ON (ef.enrollment_id, m) ef.enrollment_id, m, c.days_used
FROM derived.episode_fact ef
CROSS JOIN unnest($2::int[]) AS m
JOIN sobriety_checkin c ON c.participant_id = ef.participant_id
  AND c.report_date BETWEEN ef.admission_date + (m - 14) AND ef.admission_date + (m + 14)
WHERE ef.admission_date <= $1::date - (m + 14) AND ${keys.in('ef.enrollment_id', 'milestone_episode')}
  AND NOT EXISTS (
    SELECT 1 FROM enrollment later
    WHERE later.participant_id = ef.participant_id
      AND later.admission_date > ef.admission_date AND later.admission_date <= c.report_date)
ORDER BY ef.enrollment_id, m, abs(c.report_date - ef.admission_date - m), c.report_date DESC`;

const table = (
  name: string,
  key: string,
  set: string,
  body: (keys: Keys) => string,
  params?: DerivedTable['params'],
): DerivedTable => ({ kind: 'table', table: name, key, set, body, params });
const set = (name: string, sql: AffectedSet['sql']): AffectedSet => ({ kind: 'set', name, sql });

// The sets of the rollups read off the rows the episode facts held before the load and hold now:
// a cell is rebuilt when a fact was in it before or is now.
const episodeRows = (columns: string, sets: string[]) =>
  `SELECT ${columns} FROM ${OLD_EPISODE_FACT} WHERE ${sets.map((s) => `enrollment_id IN (SELECT k FROM derived_affected_${s})`).join(' OR ')}
   UNION ALL SELECT ${columns} FROM derived.episode_fact WHERE ${sets.map((s) => `enrollment_id IN (SELECT k FROM derived_affected_${s})`).join(' OR ')}`;

/**
 * Every derived table, in build order (what a step reads comes before it). The sets of each table's
 * keys are explained in change-set.ts (those from the load's changes) and here (the rollups').
 */
export const DERIVED_STEPS: readonly BuildStep[] = [
  ...CHANGE_SET_STEPS,
  ...EPISODE_FACT_STEPS,
  // Admission days of the episodes recomputed or extended (and of the milestone-eligible ones); a
  // shifted episode's window_end moves nothing but the participants served.
  set(
    'admission_day',
    () =>
      `SELECT admission_date FROM (${episodeRows('admission_date', ['episode'])}) r
     UNION ALL SELECT admission_date FROM derived.episode_fact WHERE enrollment_id IN (SELECT k FROM derived_affected_milestone_episode)`,
  ),
  set('month', () => `SELECT date_trunc('month', k)::date FROM derived_affected_admission_day`),
  // Retention reads an episode's admission day, site, primary type and discharge: the days of the
  // episodes where one of them changed (on a night of new rows, few of the extended ones).
  set(
    'outcome_day',
    () => `
SELECT d
FROM (SELECT * FROM ${OLD_EPISODE_FACT} WHERE enrollment_id IN (SELECT k FROM derived_affected_episode)) o
FULL JOIN (SELECT * FROM derived.episode_fact WHERE enrollment_id IN (SELECT k FROM derived_affected_episode)) n
  USING (enrollment_id)
CROSS JOIN LATERAL (VALUES (o.admission_date), (n.admission_date)) v (d)
WHERE (o.admission_date, o.site_id, o.primary_type, o.discharge_date, o.discharge_reason)
  IS DISTINCT FROM (n.admission_date, n.site_id, n.primary_type, n.discharge_date, n.discharge_reason)`,
  ),
  set('outcome_month', () => `SELECT date_trunc('month', k)::date FROM derived_affected_outcome_day`),
  set(
    'day',
    () =>
      `SELECT d FROM (${episodeRows('admission_date, discharge_date', ['episode'])}) r, LATERAL (VALUES (admission_date), (discharge_date)) v (d)`,
  ),
  set(
    'cover_day',
    () =>
      `SELECT d FROM (${episodeRows('admission_date, window_end', ['episode', 'shifted'])}) r, LATERAL (VALUES (admission_date + 1), (window_end + 1)) v (d)`,
  ),
  table('derived.episode_outcome_day', 'admission_date', 'outcome_day', episodeOutcomeDaySql, () => [
    OUTCOME_GROUP_TYPE_CODES,
    OUTCOME_REASON_CODES,
  ]),
  table('derived.episode_outcome_month', 'month', 'outcome_month', episodeOutcomeMonthSql),
  table(
    'derived.episode_outcome_day_all_sites',
    'admission_date',
    'outcome_day',
    outcomesAllSitesSql('derived.episode_outcome_day', 'admission_date', 'outcome_day'),
  ),
  table(
    'derived.episode_outcome_month_all_sites',
    'month',
    'outcome_month',
    outcomesAllSitesSql('derived.episode_outcome_month', 'month', 'outcome_month', ['admission_date']),
  ),
  table('derived.episode_day', 'day', 'day', episodeDaySql),
  table('derived.episode_cover_day', 'day', 'cover_day', episodeCoverDaySql),
  table('derived.episode_readmission', 'admission_date', 'admission_day', episodeReadmissionSql),
  table('derived.episode_milestone', 'enrollment_id', 'milestone_episode', episodeMilestoneSql, (c) => [
    c.asOf,
    ABSTINENCE_MILESTONES,
  ]),
  ...CRAVING_CELL_STEPS,
  ...EPISODE_CELL_STEPS,
  ...EPISODE_WARNING_STEPS,
  ...EPISODE_COVARIATE_STEPS,
  ...SESSION_FACT_STEPS,
  ...GROUP_TOTAL_STEPS,
  TABLE_FRESHNESS,
  ...PARTICIPANT_WEEK_STEPS,
];

/** The version of DERIVED_STEPS kept in derived.meta.declarations. */
export const DERIVED_VERSION = declarationVersion(DERIVED_STEPS, DERIVED_TABLE_DEFINITIONS);

const DERIVED_TABLES = [...derivedTablesOf(DERIVED_STEPS), 'derived.meta'];

/** The derived tables, empty, as the current declarations define them (for tests that fill some by hand). */
export const createDerivedTables = async (client: PoolClient): Promise<boolean> =>
  (await ensureDerivedTables(client)) !== null;

/** How a refresh went: whole or keyed, and its steps' times (ms). */
export interface RefreshReport {
  incremental: boolean;
  fullBecause: string | null;
  timings: StepTimings;
}

/**
 * Before a load writes: whether its refresh can be incremental; if so, the change tables the load
 * fills are created (change-set.ts).
 */
export function startDerivedRefresh(client: PoolClient): Promise<DerivedChanges> {
  return startDerivedChanges(client, DERIVED_VERSION);
}

/**
 * Brings every derived table up to the rows as they now stand, in the caller's transaction: only
 * what `changes` affect when they allow it (startDerivedRefresh before the load's writes), else
 * every table whole. Rows are deleted, not truncated, so that the API keeps reading the previous
 * figures until the load commits.
 */
export async function refreshDerivedTables(client: PoolClient, changes?: DerivedChanges): Promise<RefreshReport> {
  const { rows } = await client.query<{ asOf: string | null }>(DEFAULT_AS_OF_SQL);
  const asOf = rows[0]?.asOf ?? null;
  // The keyed build extends stored facts by the rows after the old as-of (the latest date then);
  // when a load moves as-of back (its latest discharge moved earlier, say), rows fall out of open
  // windows instead, which only a whole build undoes.
  const movedBack = changes?.previousAsOf != null && asOf !== null && asOf < changes.previousAsOf;
  const incremental = changes?.incremental === true && asOf !== null && !movedBack;
  const fullBecause = incremental
    ? null
    : asOf === null
      ? 'the database holds no dated row'
      : movedBack
        ? 'the as-of date moved back'
        : (changes?.fullBecause ?? 'a full rebuild was asked for');
  // A whole build first (re)creates the tables when their definitions changed (readers of the old
  // ones wait for this transaction then, which happens only with an upgrade that changes them).
  const pending = incremental ? null : await ensureDerivedTables(client, { indexesAfterRows: true });
  // Also before a keyed build, so that the planner knows the night's new rows (about 0.5 s at
  // 25,000 participants; in a run without it, the keyed gap table took 9 times its full build's
  // time, 4 times in a run with it).
  await analyzeWrittenSourceTables(client);
  // An empty database has no as_of: the API's live SQL answers (with nothing).
  if (asOf === null) {
    if (pending !== null) await createPendingIndexes(client, pending);
    for (const table of DERIVED_TABLES) await client.query(`DELETE FROM ${table}`);
    return { incremental: false, fullBecause, timings: {} };
  }
  const context: BuildContext = { asOf, previousAsOf: incremental ? changes!.previousAsOf : null };
  const timings = incremental
    ? await buildIncremental(client, DERIVED_STEPS, context)
    : await buildFull(client, DERIVED_STEPS, context, pending ?? undefined);
  await client.query(`DELETE FROM derived.meta`);
  await client.query(
    `INSERT INTO derived.meta (as_of, single_site, declarations)
     SELECT $1, NOT EXISTS (SELECT 1 FROM derived.participant_week_multi_site), $2`,
    [asOf, DERIVED_VERSION],
  );
  if (!incremental) for (const table of DERIVED_TABLES) await client.query(`ANALYZE ${table}`);
  return { incremental, fullBecause, timings };
}

/**
 * After the load's commit: VACUUM of the derived tables, whose previous rows the refresh deleted
 * (DELETE, not TRUNCATE, so that readers kept the previous figures meanwhile). Until vacuumed,
 * every query scans those dead rows beside the live ones and visits the table for each index
 * entry; on a server whose autovacuum is off or behind, the dashboard's queries took 1.5-2 times
 * as long after a reload. Not in a transaction (VACUUM cannot be); readers are not blocked.
 */
export async function vacuumDerivedTables(client: PoolClient): Promise<void> {
  await client.query(`VACUUM ${DERIVED_TABLES.join(', ')}`);
}
