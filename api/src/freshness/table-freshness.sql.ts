// The derived form of FRESHNESS_SQL: the same rows, read from the tables the loader fills
// (metrics/src/derived/table-freshness.ts), which hold the counts for every site ('') and for each site.

const KINDS = `(VALUES ('sites', 1), ('groups', 2), ('participants', 3), ('enrollments', 4), ('sessions', 5),
  ('attendance', 6), ('feedback', 7), ('sobriety', 8)) AS k (kind, ord)`;

const LAST_SUCCESSFUL_LOAD = `(SELECT max(finished_at) FROM etl_load WHERE status IN ('succeeded', 'partial'))`;

// An unknown site has no rows: zero and no date, as the live SQL answers.
const ROWS_BY_KIND = (source: string) => `
SELECT k.kind, coalesce(f.rows, 0)::int AS rows, to_char(f.latest, 'YYYY-MM-DD') AS "latestDate",
  ${LAST_SUCCESSFUL_LOAD} AS "lastSuccessfulLoadAt"
FROM ${KINDS}
LEFT JOIN (${source}) f ON f.kind = k.kind
ORDER BY k.ord`;

/** $1: '' for every site, or the one site a user is limited to. */
export const ONE_SCOPE_FRESHNESS_SQL = ROWS_BY_KIND(
  `SELECT kind, rows, latest FROM derived.table_freshness WHERE site_id = $1`,
);

/**
 * $1: the sites a user is limited to (text[]), several. Every site's own records add up; a
 * participant enrolled at several of them is counted once, through the sets of sites participants
 * are enrolled at.
 */
export const SEVERAL_SITES_FRESHNESS_SQL = ROWS_BY_KIND(`
  SELECT kind, sum(rows) AS rows, max(latest) AS latest
  FROM derived.table_freshness
  WHERE site_id = ANY ($1::text[]) AND kind NOT IN ('participants', 'sobriety')
  GROUP BY kind
  UNION ALL
  SELECT 'participants', sum(participants), NULL FROM derived.participant_site_set WHERE site_ids && $1::text[]
  UNION ALL
  SELECT 'sobriety', sum(checkins), max(latest_checkin) FROM derived.participant_site_set WHERE site_ids && $1::text[]`);
