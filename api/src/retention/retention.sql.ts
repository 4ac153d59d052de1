import { derivedEpisodeScopeCtes, episodeScopeCtes } from '../episodes';

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
/** The same from episode_fact (see derivedDataFor). */
export const RETENTION_DERIVED_SQL = retentionSql(derivedEpisodeScopeCtes('admitted'));
