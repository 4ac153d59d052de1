import { OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES } from '@iop/etl';
import { episodeScopeCtes } from '../episodes';

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
 * The same counts from episode_outcome (see derivedDataFor), whose narrow rows carry the type and
 * the reason as codes: the groupings run on small integers, and only the few result rows are
 * turned back into names. Parameters: the episode scope's ($1–$5), then $6 and $7 the code lists
 * (etl OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES).
 */
export const RETENTION_DERIVED_SQL = `
WITH outcome AS (
  SELECT o.type_no, o.t, o.event, o.reason_no, o.stay
  FROM episode_outcome o
  WHERE o.admission_date BETWEEN $1::date AND $2::date
    AND o.admission_date <= $3::date
    AND ($4::text[] IS NULL OR o.site_id = ANY ($4::text[]))
    AND ($5::text[] IS NULL OR o.type_no IN (SELECT array_position($6::text[], g) FROM unnest($5::text[]) g))
),
counts AS (
  SELECT CASE WHEN grouping(t) = 0 THEN 'survival' WHEN grouping(reason_no) = 0 THEN 'reason' ELSE 'stay' END AS kind,
    type_no, t, event, reason_no, stay, count(*)::int AS n
  FROM outcome
  GROUP BY GROUPING SETS ((type_no, t, event), (type_no, reason_no), (type_no, stay))
)
SELECT kind, ($6::text[])[type_no] AS "groupType", t, event, ($7::text[])[reason_no] AS reason,
  stay AS "lengthOfStay", n
FROM counts`;

/** RETENTION_DERIVED_SQL's code lists ($6, $7). */
export const RETENTION_DERIVED_CODES = [OUTCOME_GROUP_TYPE_CODES, OUTCOME_REASON_CODES];
