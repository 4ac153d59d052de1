// The derived metric tables (db migrations DerivedMetricTables, DerivedWarningAndGroupTables,
// EpisodeCells, TableFreshness, ParticipantWeekEdgeCells, EpisodePreviousWindow, SessionTypeDays
// EpisodeOutcomeMonths, CravingMonths, EpisodeDaysAndSpans, EpisodeOutcomeDays, ParticipantsServedDays, EpisodeOutcomesAllSites and SobrietyMonths), recomputed from the loaded rows as of the data's default as_of. Each
// statement mirrors a definition of shared METRICS.md as the API's live SQL implements it
// (metrics/src/scope and each section's *.sql.ts); the API's derived-vs-live
// e2e test holds the two to the same results.

import type { PoolClient } from 'pg';
import {
  ABSTINENCE_MILESTONES,
  ALLIANCE_FLAG_MAX_SCORE as FLAG_MAX_SCORE,
  ATTENDED_SQL as ATTENDED,
  INTENSITY_MINUTES_PER_WEEK as INTENSITY_MINUTES,
} from '../vocabulary';
import { DEFAULT_AS_OF_SQL } from '../scope/scope';
import { OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES, SESSION_SUM_COLUMNS } from './derived-constants';
import { EPISODE_CELL_TABLES, refreshEpisodeCells } from './episode-cells';
import { EPISODE_COVARIATE_TABLES, refreshEpisodeCovariates } from './episode-covariates';
import { EPISODE_WARNING_TABLES, refreshEpisodeWarning } from './episode-warning';
import { GROUP_TOTAL_TABLES, refreshGroupTotals } from './group-totals';
import { PARTICIPANT_WEEK_EDGE_TABLES, refreshParticipantWeekEdges } from './participant-week-edges';
import { refreshTableFreshness, TABLE_FRESHNESS_TABLES } from './table-freshness';

const ALL = `'*'`;

const DERIVED_TABLES = [
  'episode_fact',
  'episode_outcome_day',
  'episode_outcome_month',
  'episode_outcome_day_all_sites',
  'episode_outcome_month_all_sites',
  'episode_day',
  'episode_cover_day',
  'episode_readmission',
  'episode_milestone',
  'craving_cell',
  'craving_month',
  'session_fact',
  'session_type_week',
  'session_type_day',
  'session_group_week',
  'participant_week_cell',
  ...PARTICIPANT_WEEK_EDGE_TABLES,
  ...EPISODE_CELL_TABLES,
  ...EPISODE_COVARIATE_TABLES,
  ...EPISODE_WARNING_TABLES,
  ...GROUP_TOTAL_TABLES,
  ...TABLE_FRESHNESS_TABLES,
  'derived_meta',
];

// The tables the loaded rows go into (db SOURCE_TABLES). A large load leaves them without fresh
// statistics, and the refresh's statements and the API's live SQL then get bad plans (the live
// early warning took 18 s instead of 5 s at 100,000 participants).
const ANALYZE_SOURCE_TABLES_SQL = `
ANALYZE site, therapy_group, participant, enrollment, group_session, attendance, feedback, sobriety_checkin`;

// Every attendance row dated in an episode's window, with the episode, the group and the hours of
// the row (minutes_attended; else the duration when attended; 0 when absent or excused; NULL when
// unknown). Episodes of one participant never overlap, so a row has at most one episode.
const EPISODE_ROW_SQL = `
CREATE TEMP TABLE derived_episode_row ON COMMIT DROP AS
SELECT e.enrollment_id, s.session_id, g.site_id, g.group_type, s.session_date,
  (s.session_date - (extract(isodow FROM s.session_date)::int - 1)) AS week,
  a.status,
  CASE WHEN a.minutes_attended IS NOT NULL THEN a.minutes_attended
       WHEN a.status IN ${ATTENDED} THEN s.duration_minutes
       ELSE 0 END AS minutes
FROM attendance a
JOIN group_session s ON s.session_id = a.session_id AND s.session_date <= $1::date
JOIN therapy_group g ON g.group_id = s.group_id
JOIN enrollment e ON e.participant_id = a.participant_id
  AND e.admission_date <= s.session_date
  AND (e.discharge_date IS NULL OR e.discharge_date >= s.session_date)`;

const EPISODE_FACT_SQL = `
INSERT INTO episode_fact
WITH ep AS (
  SELECT e.enrollment_id, e.participant_id, e.site_id, e.admission_date, e.baseline_days_used,
    CASE WHEN e.discharge_date <= $1::date THEN e.discharge_date END AS discharge_date,
    CASE WHEN e.discharge_date <= $1::date THEN e.discharge_reason END AS discharge_reason,
    least(coalesce(e.discharge_date, $1::date), $1::date) AS window_end
  FROM enrollment e
  WHERE e.admission_date <= $1::date
),
type_rows AS (
  SELECT enrollment_id, group_type, count(*) AS row_count, min(session_date) AS first_session
  FROM derived_episode_row GROUP BY enrollment_id, group_type
),
primary_type AS (
  SELECT DISTINCT ON (enrollment_id) enrollment_id, group_type
  FROM type_rows
  ORDER BY enrollment_id, row_count DESC, first_session, group_type COLLATE "C"
),
active_week AS (
  SELECT DISTINCT enrollment_id, week FROM derived_episode_row
),
checkin_week AS (
  SELECT DISTINCT ep.enrollment_id, date_trunc('week', c.report_date)::date AS week
  FROM ep
  JOIN sobriety_checkin c ON c.participant_id = ep.participant_id
    AND c.report_date BETWEEN ep.admission_date AND least($1::date, date_trunc('week', ep.window_end)::date + 6)
  WHERE NOT EXISTS (
    SELECT 1 FROM enrollment later
    WHERE later.participant_id = ep.participant_id
      AND later.admission_date > ep.admission_date AND later.admission_date <= c.report_date)
),
adherence AS (
  SELECT aw.enrollment_id, count(*) AS active_weeks, count(cw.week) AS checkin_weeks
  FROM active_week aw LEFT JOIN checkin_week cw USING (enrollment_id, week)
  GROUP BY aw.enrollment_id
),
in_treatment AS (
  SELECT ep.enrollment_id,
    sum(c.days_used) AS days_used, sum(c.window_days) AS window_days,
    count(*) FILTER (WHERE c.goal_met) AS met, count(c.goal_met) AS rated
  FROM ep
  JOIN sobriety_checkin c ON c.participant_id = ep.participant_id
    AND c.report_date BETWEEN ep.admission_date AND ep.window_end
  GROUP BY ep.enrollment_id
)
SELECT ep.enrollment_id, ep.participant_id, ep.site_id, ep.admission_date, ep.baseline_days_used,
  ep.discharge_date, ep.discharge_reason, ep.window_end, pt.group_type,
  it.days_used, it.window_days,
  coalesce(ad.active_weeks, 0), coalesce(ad.checkin_weeks, 0),
  coalesce(it.met, 0), coalesce(it.rated, 0),
  lag(ep.window_end) OVER (PARTITION BY ep.participant_id ORDER BY ep.admission_date)
FROM ep
LEFT JOIN primary_type pt USING (enrollment_id)
LEFT JOIN adherence ad USING (enrollment_id)
LEFT JOIN in_treatment it USING (enrollment_id)`;

// Retention's three groupings (api RETENTION_DERIVED_SQL) per admission day and site, tagged with
// their kind: 1 survival (follow-up time t, dropout or not), 2 discharge reason, 3 length of stay.
// As in api RETENTION_SQL, completing is never dropping out: a completed episode stays at risk
// until as_of. The type and the reason are small integer codes. $1 as_of, $2 the group type
// codes, $3 the reason codes.
const EPISODE_OUTCOME_DAY_SQL = `
INSERT INTO episode_outcome_day
SELECT admission_date, site_id,
  CASE WHEN grouping(t) = 0 THEN 1 WHEN grouping(reason_no) = 0 THEN 2 ELSE 3 END,
  type_no, t, event, reason_no, stay, count(*)
FROM (
  SELECT admission_date, site_id, array_position($2::text[], primary_type) AS type_no,
    CASE WHEN discharge_reason = 'completed' THEN $1::date - admission_date
         ELSE window_end - admission_date END AS t,
    coalesce(discharge_reason IN ('dropped_out', 'terminated'), false) AS event,
    array_position($3::text[], discharge_reason) AS reason_no,
    discharge_date - admission_date AS stay
  FROM episode_fact
) o
GROUP BY GROUPING SETS (
  (admission_date, site_id, type_no, t, event),
  (admission_date, site_id, type_no, reason_no),
  (admission_date, site_id, type_no, stay))
ORDER BY 1`;

// The day rows added up per month of admission (api RETENTION_DERIVED_SQL reads them for whole months).
const EPISODE_OUTCOME_MONTH_SQL = `
INSERT INTO episode_outcome_month
SELECT date_trunc('month', admission_date)::date, site_id, kind, type_no, t, event, reason_no, stay, sum(n)
FROM episode_outcome_day
GROUP BY 1, site_id, kind, type_no, t, event, reason_no, stay
ORDER BY 1`;

// The same rows added up over the sites (api RETENTION_DERIVED_ALL_SITES_SQL reads them when no
// site filter applies), per admission day and per month.
const outcomesAllSitesSql = (table: string, dateColumn: string) => `
INSERT INTO ${table}_all_sites
SELECT ${dateColumn}, kind, type_no, t, event, reason_no, stay, sum(n)
FROM ${table}
GROUP BY ${dateColumn}, kind, type_no, t, event, reason_no, stay
ORDER BY 1`;
const EPISODE_OUTCOME_DAY_ALL_SITES_SQL = outcomesAllSitesSql('episode_outcome_day', 'admission_date');
const EPISODE_OUTCOME_MONTH_ALL_SITES_SQL = outcomesAllSitesSql('episode_outcome_month', 'month');

// The overview without a site or type filter (api OVERVIEW_DERIVED_ALL_EPISODES_SQL): admissions
// and discharges per day, and what counts participants served (db ParticipantsServedDays): the
// episodes whose window covers a day, admitted before it, as a running sum of changes (+1 the day
// after an admission, −1 the day after the window ends; episodes of one participant never overlap),
// and the readmissions with their previous episode's window end.
const EPISODE_DAY_SQL = `
INSERT INTO episode_day
SELECT day, count(*) FILTER (WHERE admitted), count(*) FILTER (WHERE NOT admitted)
FROM (
  SELECT admission_date AS day, true AS admitted FROM episode_fact
  UNION ALL
  SELECT discharge_date, false FROM episode_fact WHERE discharge_date IS NOT NULL
) d
GROUP BY day`;

const EPISODE_COVER_DAY_SQL = `
INSERT INTO episode_cover_day
SELECT day, sum(change)
FROM (
  SELECT admission_date + 1 AS day, 1 AS change FROM episode_fact WHERE window_end > admission_date
  UNION ALL
  SELECT window_end + 1, -1 FROM episode_fact WHERE window_end > admission_date
) c
GROUP BY day
HAVING sum(change) <> 0`;

const EPISODE_READMISSION_SQL = `
INSERT INTO episode_readmission
SELECT admission_date, previous_window_end, count(*)
FROM episode_fact
WHERE previous_window_end IS NOT NULL
GROUP BY admission_date, previous_window_end`;

// The check-in nearest to day m within m ± 14 of eligible episodes; ties to the later; never one of
// a later episode of the participant.
const EPISODE_MILESTONE_SQL = `
INSERT INTO episode_milestone
SELECT DISTINCT ON (ef.enrollment_id, m) ef.enrollment_id, m, c.days_used
FROM episode_fact ef
CROSS JOIN unnest($2::int[]) AS m
JOIN sobriety_checkin c ON c.participant_id = ef.participant_id
  AND c.report_date BETWEEN ef.admission_date + (m - 14) AND ef.admission_date + (m + 14)
WHERE ef.admission_date <= $1::date - (m + 14)
  AND NOT EXISTS (
    SELECT 1 FROM enrollment later
    WHERE later.participant_id = ef.participant_id
      AND later.admission_date > ef.admission_date AND later.admission_date <= c.report_date)
ORDER BY ef.enrollment_id, m, abs(c.report_date - ef.admission_date - m), c.report_date DESC`;

const CRAVING_CELL_SQL = `
INSERT INTO craving_cell
SELECT ef.admission_date, ef.site_id, ef.primary_type, (c.report_date - ef.admission_date) / 7 AS week,
  count(*), count(DISTINCT ef.enrollment_id), sum(c.craving)
FROM episode_fact ef
JOIN sobriety_checkin c ON c.participant_id = ef.participant_id
  AND c.report_date BETWEEN ef.admission_date AND ef.window_end
WHERE c.craving IS NOT NULL
GROUP BY 1, 2, 3, 4`;

// craving_cell per month of admission (api SOBRIETY_DERIVED_SQL reads it for whole months).
const CRAVING_MONTH_SQL = `
INSERT INTO craving_month
SELECT date_trunc('month', admission_date)::date, site_id, primary_type, week,
  sum(checkins), sum(episodes), sum(craving_sum)
FROM craving_cell
GROUP BY 1, 2, 3, 4
ORDER BY 1`;

const SUMS = SESSION_SUM_COLUMNS.map((c) => `sum(${c})`).join(', ');

// Re-engagement of an absent row: an attended row of the same participant in the same group within
// the 14 days after it. Judged rows are dated on or before as_of − 14, so that window never passes
// as_of and does not depend on a query's period.
const SESSION_FACT_SQL = `
INSERT INTO session_fact
WITH row_fact AS (
  SELECT a.session_id, a.status, f.session_id IS NOT NULL AS has_feedback,
    CASE WHEN a.status = 'absent' THEN count(*) FILTER (WHERE a.status IN ${ATTENDED}) OVER (
      PARTITION BY a.participant_id, s.group_id
      ORDER BY s.session_date
      RANGE BETWEEN '1 day'::interval FOLLOWING AND '14 days'::interval FOLLOWING) END AS attended_after
  FROM attendance a
  JOIN group_session s ON s.session_id = a.session_id AND s.session_date <= $1::date
  LEFT JOIN feedback f ON f.session_id = a.session_id AND f.participant_id = a.participant_id
  WHERE a.status <> 'excused'
  UNION ALL
  SELECT a.session_id, a.status, false, NULL
  FROM attendance a
  JOIN group_session s ON s.session_id = a.session_id AND s.session_date <= $1::date
  WHERE a.status = 'excused'
),
row_counts AS (
  SELECT session_id, count(*) AS scheduled,
    count(*) FILTER (WHERE status = 'present') AS present,
    count(*) FILTER (WHERE status = 'late') AS late,
    count(*) FILTER (WHERE status = 'left_early') AS left_early,
    count(*) FILTER (WHERE status = 'absent') AS absent,
    count(*) FILTER (WHERE status = 'excused') AS excused,
    count(*) FILTER (WHERE status IN ${ATTENDED} AND has_feedback) AS feedback_attended,
    count(*) FILTER (WHERE status = 'absent' AND attended_after > 0) AS reengaged
  FROM row_fact GROUP BY session_id
),
feedback_counts AS (
  SELECT session_id, count(*) AS responses,
    count(*) FILTER (WHERE relationship + goals_topics + approach + overall <= ${FLAG_MAX_SCORE}) AS flagged,
    sum(relationship + goals_topics + approach + overall) AS score_sum,
    sum(relationship) AS relationship_sum, sum(goals_topics) AS goals_topics_sum,
    sum(approach) AS approach_sum, sum(overall) AS overall_sum
  FROM feedback GROUP BY session_id
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
WHERE s.session_date <= $1::date`;

const SESSION_TYPE_WEEK_SQL = `
INSERT INTO session_type_week
SELECT week, site_id, group_type, min(session_date), max(session_date), count(*), ${SUMS}
FROM session_fact GROUP BY week, site_id, group_type`;

// The days of the weekly cells, for the days a period keeps of a week it cuts.
const SESSION_TYPE_DAY_SQL = `
INSERT INTO session_type_day
SELECT session_date, week, site_id, group_type, count(*), ${SUMS}
FROM session_fact GROUP BY session_date, week, site_id, group_type`;

const SESSION_GROUP_WEEK_SQL = `
INSERT INTO session_group_week
SELECT week, group_id, site_id, group_type, min(session_date), max(session_date), ${SUMS}
FROM session_fact GROUP BY week, group_id, site_id, group_type`;

// Participant-weeks at the finest grain the filters need (episode × week × site × type), then
// counted per (week, site, type) with '*' for all sites and for all five types.
const PARTICIPANT_WEEK_SQL = `
CREATE TEMP TABLE derived_participant_week ON COMMIT DROP AS
SELECT enrollment_id, week, site_id, group_type,
  min(session_date) AS first_date, max(session_date) AS last_date,
  count(*) FILTER (WHERE status <> 'excused')::int AS non_excused,
  count(*) FILTER (WHERE status = 'absent')::int AS absent,
  sum(minutes)::int AS known_minutes,
  bool_or(minutes IS NULL) AS any_unknown
FROM derived_episode_row
GROUP BY enrollment_id, week, site_id, group_type`;

const PARTICIPANT_WEEK_CELL_SQL = `
INSERT INTO participant_week_cell
WITH weeks AS (
  SELECT week, coalesce(site_id, '') AS site_id, coalesce(group_type, ${ALL}) AS group_type,
    min(first_date) AS first_date, max(last_date) AS last_date,
    sum(non_excused) AS non_excused, sum(absent) AS absent, sum(known_minutes) AS known_minutes,
    bool_or(any_unknown) AS any_unknown
  FROM derived_participant_week
  GROUP BY GROUPING SETS ((enrollment_id, week, site_id, group_type), (enrollment_id, week, site_id),
    (enrollment_id, week, group_type), (enrollment_id, week))
)
SELECT week, site_id, group_type, min(first_date), max(last_date),
  count(*) FILTER (WHERE non_excused > 0),
  count(*) FILTER (WHERE non_excused > 0 AND absent = 0),
  count(*) FILTER (WHERE non_excused > 0 AND any_unknown),
  count(*) FILTER (WHERE non_excused > 0 AND NOT any_unknown AND known_minutes >= ${INTENSITY_MINUTES})
FROM weeks
GROUP BY week, site_id, group_type`;

const SINGLE_SITE_SQL = `
SELECT NOT EXISTS (
  SELECT 1 FROM derived_participant_week GROUP BY enrollment_id, week HAVING count(DISTINCT site_id) > 1
) AS "singleSite"`;

/**
 * Recomputes every derived table in the caller's transaction. Rows are deleted, not truncated, so
 * that the API keeps reading the previous figures until the load commits.
 */
export async function refreshDerivedTables(client: PoolClient): Promise<void> {
  await client.query(ANALYZE_SOURCE_TABLES_SQL);
  for (const table of DERIVED_TABLES) await client.query(`DELETE FROM ${table}`);
  const { rows } = await client.query<{ asOf: string | null }>(DEFAULT_AS_OF_SQL);
  const asOf = rows[0]?.asOf ?? null;
  // An empty database has no as_of: the API's live SQL answers (with nothing).
  if (asOf === null) return;
  await client.query(EPISODE_ROW_SQL, [asOf]);
  await client.query('ANALYZE derived_episode_row');
  await client.query(EPISODE_FACT_SQL, [asOf]);
  await client.query(EPISODE_OUTCOME_DAY_SQL, [asOf, OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES]);
  await client.query(EPISODE_OUTCOME_MONTH_SQL);
  await client.query(EPISODE_OUTCOME_DAY_ALL_SITES_SQL);
  await client.query(EPISODE_OUTCOME_MONTH_ALL_SITES_SQL);
  await client.query(EPISODE_DAY_SQL);
  await client.query(EPISODE_COVER_DAY_SQL);
  await client.query(EPISODE_READMISSION_SQL);
  await client.query(EPISODE_MILESTONE_SQL, [asOf, ABSTINENCE_MILESTONES]);
  await client.query(CRAVING_CELL_SQL);
  await client.query(CRAVING_MONTH_SQL);
  await refreshEpisodeCells(client, ABSTINENCE_MILESTONES, asOf);
  await refreshEpisodeWarning(client, asOf);
  await refreshEpisodeCovariates(client, asOf);
  await client.query(SESSION_FACT_SQL, [asOf]);
  await client.query(SESSION_TYPE_WEEK_SQL);
  await client.query(SESSION_TYPE_DAY_SQL);
  await client.query(SESSION_GROUP_WEEK_SQL);
  await refreshGroupTotals(client, asOf);
  await refreshTableFreshness(client);
  await client.query(PARTICIPANT_WEEK_SQL);
  await client.query(PARTICIPANT_WEEK_CELL_SQL);
  await refreshParticipantWeekEdges(client, INTENSITY_MINUTES);
  const single = await client.query<{ singleSite: boolean }>(SINGLE_SITE_SQL);
  await client.query('DROP TABLE derived_participant_week, derived_episode_row');
  await client.query(`INSERT INTO derived_meta (as_of, single_site) VALUES ($1, $2)`, [
    asOf,
    single.rows[0]!.singleSite,
  ]);
  for (const table of DERIVED_TABLES) await client.query(`ANALYZE ${table}`);
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
