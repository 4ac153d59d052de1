import { OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES } from '@iop/etl';
import { ADMISSION_PARTS_CTES, cutMonthRows, episodeScopeCtes, wholeMonthRows } from '../episodes';

/**
 * One pass over the episodes, three small groupings of it (GROUPING SETS), each row tagged with
 * its `kind`: 'survival' rows count episodes per (primary type, follow-up time t, dropout or not)
 * for Kaplan–Meier and the log-rank test; 'reason' rows per (primary type, discharge reason);
 * 'stay' rows per (primary type, length of stay) for the median. A year of 100,000 episodes gives
 * a few thousand rows. Parameters: those of the episode scope ($1–$5).
 */
const retentionSql = (scopeCtes: string) => `
WITH ${scopeCtes},
outcome AS (
  SELECT primary_type,
    -- Completing is never dropping out: completed episodes stay at risk until as_of.
    CASE WHEN discharge_reason = 'completed' THEN $3::date - admission_date
         ELSE window_end - admission_date END AS t,
    coalesce(discharge_reason IN ('dropped_out', 'terminated'), false) AS event,
    discharge_reason AS reason,
    discharge_date - admission_date AS stay
  FROM episode
)
SELECT CASE WHEN grouping(t) = 0 THEN 'survival' WHEN grouping(reason) = 0 THEN 'reason' ELSE 'stay' END AS kind,
  primary_type AS "groupType", t, event, reason, stay AS "lengthOfStay", count(*)::int AS n
FROM outcome
GROUP BY GROUPING SETS ((primary_type, t, event), (primary_type, reason), (primary_type, stay))`;

export const RETENTION_SQL = retentionSql(episodeScopeCtes('admitted'));

/**
 * The same counts from the derived tables (see derivedDataFor), whose rows carry the type and the
 * reason as codes: the calendar months lying wholly inside the period come as counts already
 * grouped per month and site (episode_outcome_month), and only the episodes admitted in the cut
 * months at either end are grouped here (episode_outcome, one row per episode, counted once in
 * each of the three kinds). A period inside one month has no whole month: all its episodes are
 * grouped. Only the few result rows are turned back into names. Parameters: the episode scope's
 * ($1–$5), then $6 and $7 the code lists (etl OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES).
 */
export const RETENTION_DERIVED_SQL = `
WITH ${ADMISSION_PARTS_CTES},
types AS (
  SELECT array_position($6::text[], g) AS type_no FROM unnest($5::text[]) g
),
cut_episodes AS (${cutMonthRows('episode_outcome', 'o')}
),
cells AS (
  SELECT m.kind, m.type_no, m.t, m.event, m.reason_no, m.stay, m.n
  FROM ${wholeMonthRows('episode_outcome_month', 'm')}
  WHERE ($4::text[] IS NULL OR m.site_id = ANY ($4::text[]))
    AND ($5::text[] IS NULL OR m.type_no IN (SELECT type_no FROM types))
  UNION ALL
  SELECT k.kind, o.type_no,
    CASE WHEN k.kind = 1 THEN o.t END, CASE WHEN k.kind = 1 THEN o.event END,
    CASE WHEN k.kind = 2 THEN o.reason_no END, CASE WHEN k.kind = 3 THEN o.stay END, 1
  FROM cut_episodes o
  CROSS JOIN (VALUES (1), (2), (3)) AS k (kind)
  WHERE ($4::text[] IS NULL OR o.site_id = ANY ($4::text[]))
    AND ($5::text[] IS NULL OR o.type_no IN (SELECT type_no FROM types))
)
SELECT (ARRAY['survival', 'reason', 'stay'])[kind] AS kind, ($6::text[])[type_no] AS "groupType", t, event,
  ($7::text[])[reason_no] AS reason, stay AS "lengthOfStay", sum(n)::int AS n
FROM cells
GROUP BY kind, type_no, t, event, reason_no, stay`;

/** RETENTION_DERIVED_SQL's code lists ($6, $7). */
export const RETENTION_DERIVED_CODES = [OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES];
