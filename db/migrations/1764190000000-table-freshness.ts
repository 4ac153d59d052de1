import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Table freshness: the row counts and latest dates of the data freshness query (api FRESHNESS_SQL),
 * for every site together and for each site, so that the dashboard's filter bar, which asks for
 * them on every page, reads a few rows instead of counting every attendance, feedback and check-in
 * row. Filled by the loader with the other derived tables; unlike them they cover every row, not
 * only those up to the derived as_of, so the API reads them while derived_meta holds a row (see
 * DerivedMetricTables1764160000000), whatever its as_of.
 */
export class TableFreshness1764190000000 implements MigrationInterface {
  name = 'TableFreshness1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE table_freshness (
        -- '' for every site together; else one site's own records.
        site_id text NOT NULL,
        kind    text NOT NULL,
        rows    bigint NOT NULL,
        latest  date,
        PRIMARY KEY (site_id, kind)
      )`);
    // Participants (and their check-ins) per set of sites they are enrolled at: a participant
    // enrolled at several of a user's sites counts once, which summing per-site rows would not do.
    // '{}' holds the participants without any enrollment.
    await q.query(`
      CREATE TABLE participant_site_set (
        site_ids       text[] PRIMARY KEY,
        participants   bigint NOT NULL,
        checkins       bigint NOT NULL,
        latest_checkin date
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE participant_site_set`);
    await q.query(`DROP TABLE table_freshness`);
  }
}
