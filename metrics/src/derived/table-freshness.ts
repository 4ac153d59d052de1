// The data freshness tables (derived-schema.ts), for the API's derived answer to
// dataFreshness: what api FRESHNESS_SQL returns for every site ($1 = NULL) and for each site
// ($1 = ARRAY[site]). Freshness covers every row, not only those up to the derived as_of.

import type { PoolClient } from 'pg';
import type { WholeTables } from './declaration';

/** The kinds of api FRESHNESS_SQL; every site ('' and each site_id) gets a row of each. */
const KINDS = ['sites', 'groups', 'participants', 'enrollments', 'sessions', 'attendance', 'feedback', 'sobriety'];

// Each participant's sites (sorted, '{}' without an enrollment) and check-ins, summed per set of
// sites: a few rows, from which any list of sites counts each participant once.
const PARTICIPANT_SITE_SET_SQL = `
INSERT INTO derived.participant_site_set (site_ids, participants, checkins, latest_checkin)
SELECT coalesce(e.site_ids, '{}'), count(*), coalesce(sum(c.checkins), 0), max(c.latest)
FROM participant p
LEFT JOIN (
  SELECT participant_id, array_agg(DISTINCT site_id::text COLLATE "C" ORDER BY site_id::text COLLATE "C") AS site_ids
  FROM enrollment GROUP BY participant_id
) e USING (participant_id)
LEFT JOIN (
  SELECT participant_id, count(*) AS checkins, max(report_date) AS latest FROM sobriety_checkin GROUP BY participant_id
) c USING (participant_id)
GROUP BY 1`;

// Attendance and feedback rows per session come from derived.session_fact (scheduled counts every
// attendance row of a session, responses every feedback row) rather than a second pass over those
// two tables, the largest (2 s more at 100,000 participants). derived.session_fact stops at the derived
// as_of, which is the latest date in the data, so no session is left out; any after its last
// date ($2, NULL when it is empty), should as_of ever be earlier, are counted here from their rows.
// $2 is a parameter, not a subquery, so that the planner expects no such sessions: else it
// expects a third of them, and compiling that plan (JIT) took longer than running it.
const SESSION_ROW_SQL = `
session_row AS (
  SELECT site_id, session_date, scheduled AS attendance, responses AS feedback FROM derived.session_fact
  UNION ALL
  SELECT g.site_id, s.session_date,
    (SELECT count(*) FROM attendance a WHERE a.session_id = s.session_id),
    (SELECT count(*) FROM feedback f WHERE f.session_id = s.session_id)
  FROM group_session s
  JOIN therapy_group g ON g.group_id = s.group_id
  WHERE $2::date IS NULL OR s.session_date > $2::date
)`;

const SESSION_FACT_LAST_DATE_SQL = `SELECT to_char(max(session_date), 'YYYY-MM-DD') AS "lastDate" FROM derived.session_fact`;

// One row per site and kind: the site's own records, and the participants enrolled at it (a
// participant enrolled at several sites is in each site's rows). $1: KINDS; $2: see session_row.
const PER_SITE_SQL = `
INSERT INTO derived.table_freshness (site_id, kind, rows, latest)
WITH ${SESSION_ROW_SQL},
session_site AS (
  SELECT site_id, count(*) AS sessions, max(session_date) AS latest_session,
    sum(attendance) AS attendance, max(session_date) FILTER (WHERE attendance > 0) AS latest_attendance,
    sum(feedback) AS feedback, max(session_date) FILTER (WHERE feedback > 0) AS latest_feedback
  FROM session_row GROUP BY site_id
),
site_kind AS (
  SELECT site_id, 'sites' AS kind, 1::bigint AS rows, NULL::date AS latest FROM site
  UNION ALL SELECT site_id, 'groups', count(*), NULL FROM therapy_group GROUP BY site_id
  UNION ALL SELECT site_id, 'enrollments', count(*), greatest(max(admission_date), max(discharge_date))
    FROM enrollment GROUP BY site_id
  UNION ALL SELECT site_id, v.kind, v.rows, v.latest
    FROM session_site, LATERAL (VALUES ('sessions', sessions, latest_session),
      ('attendance', attendance, latest_attendance), ('feedback', feedback, latest_feedback)) AS v (kind, rows, latest)
  UNION ALL SELECT site_id, 'participants', sum(participants), NULL
    FROM derived.participant_site_set, unnest(site_ids) AS site_id GROUP BY site_id
  UNION ALL SELECT site_id, 'sobriety', sum(checkins), max(latest_checkin)
    FROM derived.participant_site_set, unnest(site_ids) AS site_id GROUP BY site_id
)
SELECT s.site_id, k.kind, coalesce(sk.rows, 0), sk.latest
FROM site s
CROSS JOIN unnest($1::text[]) AS k (kind)
LEFT JOIN site_kind sk ON sk.site_id = s.site_id AND sk.kind = k.kind`;

// Every site together ('' rows): each record belongs to one site, so the sites' rows add up,
// except that participants count once whatever their sites, and with them those never enrolled.
const ALL_SITES_SQL = `
INSERT INTO derived.table_freshness (site_id, kind, rows, latest)
SELECT '', k.kind, coalesce(sum(f.rows), 0), max(f.latest)
FROM unnest($1::text[]) AS k (kind)
LEFT JOIN derived.table_freshness f ON f.kind = k.kind
WHERE k.kind NOT IN ('participants', 'sobriety')
GROUP BY k.kind
UNION ALL SELECT '', 'participants', coalesce(sum(participants), 0), NULL FROM derived.participant_site_set
UNION ALL SELECT '', 'sobriety', coalesce(sum(checkins), 0), max(latest_checkin) FROM derived.participant_site_set`;

/**
 * The freshness tables, rebuilt whole by every build: a handful of rows per site that count every
 * source row (a count per participant of their check-ins, derived.session_fact's sums per site). Reads
 * derived.session_fact, so comes after it.
 */
export const TABLE_FRESHNESS: WholeTables = {
  kind: 'whole',
  name: 'table-freshness',
  tables: ['derived.participant_site_set', 'derived.table_freshness'],
  build: (client) => refreshTableFreshness(client),
};

export async function refreshTableFreshness(client: PoolClient): Promise<void> {
  await client.query(PARTICIPANT_SITE_SET_SQL);
  const { rows } = await client.query<{ lastDate: string | null }>(SESSION_FACT_LAST_DATE_SQL);
  await client.query(PER_SITE_SQL, [KINDS, rows[0]?.lastDate ?? null]);
  await client.query(ALL_SITES_SQL, [KINDS]);
}
