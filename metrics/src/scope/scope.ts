import type { GroupTypeCode } from '../vocabulary';

/** A validated, complete query scope: every field set, ready to pass as SQL parameters. */
export interface Scope {
  from: string;
  to: string;
  asOf: string;
  /** null = all sites */
  siteIds: string[] | null;
  groupTypes: GroupTypeCode[];
}

/**
 * The five positional parameters of episodeScopeCtes (episode-scope.sql.ts): from, to, as_of,
 * site ids (null = all), group types (null = no group-type filter, which keeps episodes without
 * a primary type).
 */
export type EpisodeScopeParams = [string, string, string, string[] | null, string[] | null];

/** The data's default as-of date (docs/METRICS.md, "Scope of a query"): its latest date of any kind. */
export const DEFAULT_AS_OF_SQL = `
  SELECT to_char(greatest(
    (SELECT max(session_date) FROM group_session),
    (SELECT max(report_date) FROM sobriety_checkin),
    (SELECT max(admission_date) FROM enrollment),
    (SELECT max(discharge_date) FROM enrollment)), 'YYYY-MM-DD') AS "asOf"`;
