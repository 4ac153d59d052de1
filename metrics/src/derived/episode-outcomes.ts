// Retention's stored counts: per admission day and site, per month, and both over all sites
// (read by metrics/src/retention). Keyed by admission day or month (refresh.ts DERIVED_STEPS).

import type { Keys } from './declaration';
import { MONTH_OF_ADMISSION } from './derived-constants';

// Retention's three groupings (api RETENTION_DERIVED_SQL) per admission day and site, tagged with
// their kind: 1 survival (follow-up time t, dropout or not), 2 discharge reason, 3 length of stay.
// As in api RETENTION_SQL, completing is never dropping out: a completed episode stays at risk
// until as_of, as an open one is. Their t is stored as NULL and read as as_of − admission day
// (outcomeTimeSql), so that nothing stored depends on as_of and a load rebuilds only the days of
// the episodes whose admission day, site, primary type or discharge it changed (refresh.ts). The
// type and the reason are small integer codes. $1 the group type codes, $2 the reason codes.
export const episodeOutcomeDaySql = (keys: Keys) => `
SELECT admission_date, site_id,
  CASE WHEN grouping(t) = 0 THEN 1 WHEN grouping(reason_no) = 0 THEN 2 ELSE 3 END,
  type_no, t, event, reason_no, stay, count(*)
FROM (
  SELECT admission_date, site_id, array_position($1::text[], primary_type) AS type_no,
    CASE WHEN discharge_reason = 'completed' OR discharge_date IS NULL THEN NULL
         ELSE window_end - admission_date END AS t,
    coalesce(discharge_reason IN ('dropped_out', 'terminated'), false) AS event,
    array_position($2::text[], discharge_reason) AS reason_no,
    discharge_date - admission_date AS stay
  FROM derived.episode_fact
  WHERE ${keys.in('admission_date', 'outcome_day')}
) o
GROUP BY GROUPING SETS (
  (admission_date, site_id, type_no, t, event),
  (admission_date, site_id, type_no, reason_no),
  (admission_date, site_id, type_no, stay))
ORDER BY 1`;

// The day rows added up per month of admission (api RETENTION_DERIVED_SQL reads them for whole
// months); the survival rows followed up to as_of keep their admission day (their t is read from it).
export const episodeOutcomeMonthSql = (keys: Keys) => `
SELECT date_trunc('month', admission_date)::date, site_id, kind, type_no, t, event, reason_no, stay,
  CASE WHEN kind = 1 AND t IS NULL THEN admission_date END, sum(n)
FROM derived.episode_outcome_day
WHERE ${keys.in(MONTH_OF_ADMISSION, 'outcome_month')}
GROUP BY 1, site_id, kind, type_no, t, event, reason_no, stay, 9
ORDER BY 1`;

/**
 * The follow-up time of a survival row of the outcome tables (alias `alias`) at as_of `asOf`:
 * stored, or as_of − admission day for those followed up to it.
 */
export const outcomeTimeSql = (alias: string, asOf: string): string =>
  `CASE WHEN ${alias}.kind = 1 THEN coalesce(${alias}.t, ${asOf} - ${alias}.admission_date) END`;

// The same rows added up over the sites (api RETENTION_DERIVED_ALL_SITES_SQL reads them when no
// site filter applies), per admission day and per month.
export const outcomesAllSitesSql =
  (table: string, dateColumn: string, set: string, columns: readonly string[] = []) =>
  (keys: Keys) => `
SELECT ${[dateColumn, ...OUTCOME_COLUMNS, ...columns].join(', ')}, sum(n)
FROM ${table}
WHERE ${keys.in(dateColumn, set)}
GROUP BY ${[dateColumn, ...OUTCOME_COLUMNS, ...columns].join(', ')}
ORDER BY 1`;

const OUTCOME_COLUMNS = ['kind', 'type_no', 't', 'event', 'reason_no', 'stay'];
