import { OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES } from '../derived/derived-constants';
import { outcomeTimeSql } from '../derived/episode-outcomes';
import { ADMISSION_PARTS_CTES, cutMonthRows, episodeScopeCtes, wholeMonthRows } from '../scope';

/**
 * One pass over the episodes, three small groupings of it (GROUPING SETS), each row tagged with
 * its `kind`: 'survival' rows count episodes per (primary type, follow-up time t, dropout or not)
 * for Kaplan–Meier and the log-rank test; 'reason' rows per (primary type, discharge reason);
 * 'stay' rows per (primary type, length of stay) for the median. A year of 100,000 episodes gives
 * a few thousand rows. Parameters: those of the episode scope ($1–$5).
 */
/**
 * METRICS.md "Retention", per episode of the episode scope's `episode` CTE: follow-up time t and
 * the dropout event, with the censoring of each discharge reason. Also used by the adjusted models
 * (api/src/adjusted), so the definition lives here only.
 */
export const RETENTION_OUTCOME_CTE = `
outcome AS (
  SELECT enrollment_id, participant_id, site_id, admission_date, baseline_days_used, primary_type,
    -- Completing is never dropping out: completed episodes stay at risk until as_of.
    CASE WHEN discharge_reason = 'completed' THEN $3::date - admission_date
         ELSE window_end - admission_date END AS t,
    coalesce(discharge_reason IN ('dropped_out', 'terminated'), false) AS event,
    discharge_reason AS reason,
    discharge_date - admission_date AS stay
  FROM episode
)`;

const retentionSql = (scopeCtes: string) => `
WITH ${scopeCtes},${RETENTION_OUTCOME_CTE}
SELECT CASE WHEN grouping(t) = 0 THEN 'survival' WHEN grouping(reason) = 0 THEN 'reason' ELSE 'stay' END AS kind,
  primary_type AS "groupType", t, event, reason, stay AS "lengthOfStay", count(*)::int AS n
FROM outcome
GROUP BY GROUPING SETS ((primary_type, t, event), (primary_type, reason), (primary_type, stay))`;

export const RETENTION_SQL = retentionSql(episodeScopeCtes('admitted'));

/**
 * The same counts from the derived tables (see derivedAnswers), already grouped as this statement
 * groups them, with the type and the reason as codes: per calendar month of admission and site
 * for the months lying wholly inside the period (derived.episode_outcome_month), per admission day and
 * site for the cut months at either end (derived.episode_outcome_day). A period inside one month has no
 * whole month: all of it comes from the day rows. Only the few result rows are turned back into
 * names. Parameters: the episode scope's ($1–$5), then $6 and $7 the code lists (etl
 * OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES).
 */
const retentionDerivedSql = (tables: { day: string; month: string }, siteScope: (alias: string) => string) => `
WITH ${ADMISSION_PARTS_CTES},
types AS (
  SELECT array_position($6::text[], g) AS type_no FROM unnest($5::text[]) g
),
cells AS (
  SELECT m.kind, m.type_no, ${outcomeTimeSql('m', '$3::date')} AS t, m.event, m.reason_no, m.stay, m.n
  FROM ${wholeMonthRows(tables.month, 'm')}
  WHERE ${siteScope('m')}
  UNION ALL
  SELECT d.kind, d.type_no, ${outcomeTimeSql('d', '$3::date')} AS t, d.event, d.reason_no, d.stay, d.n
  FROM (${cutMonthRows(tables.day, 'd')}) d
  WHERE ${siteScope('d')}
)
SELECT (ARRAY['survival', 'reason', 'stay'])[kind] AS kind, ($6::text[])[type_no] AS "groupType", t, event,
  ($7::text[])[reason_no] AS reason, stay AS "lengthOfStay", sum(n)::int AS n
FROM cells
WHERE ($5::text[] IS NULL OR type_no IN (SELECT type_no FROM types))
GROUP BY kind, type_no, t, event, reason_no, stay`;

export const RETENTION_DERIVED_SQL = retentionDerivedSql(
  { day: 'derived.episode_outcome_day', month: 'derived.episode_outcome_month' },
  (alias) => `($4::text[] IS NULL OR ${alias}.site_id = ANY ($4::text[]))`,
);

/**
 * RETENTION_DERIVED_SQL without a site filter ($4 NULL), from the rows added up over the sites
 * (derived-schema.ts): the same counts from 40 % of the rows.
 */
export const RETENTION_DERIVED_ALL_SITES_SQL = retentionDerivedSql(
  { day: 'derived.episode_outcome_day_all_sites', month: 'derived.episode_outcome_month_all_sites' },
  () => `$4::text[] IS NULL`,
);

/** RETENTION_DERIVED_SQL's code lists ($6, $7). */
export const RETENTION_DERIVED_CODES = [OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES];
