import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sobriety's episode and milestone cells added up per calendar month of admission, site and
 * primary type (episode_cell_month, milestone_cell_month), as craving_month does for the craving
 * trend: a period's whole months read these, its cut months the day cells. A year was 5,800
 * episode cells and 13,900 milestone cells, grouped again on every uncached request (25 ms of the
 * sobriety statement's 31 at 100,000 participants). The milestone rows hold only the episodes
 * eligible at the data's as_of (admitted at least m + 14 days before it), the condition the API
 * applies to the day cells. Filled by the loader with the other derived tables.
 */
export class SobrietyMonths1764330000000 implements MigrationInterface {
  name = 'SobrietyMonths1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE episode_cell_month (
        month        date NOT NULL,
        site_id      text NOT NULL,
        primary_type text,
        episodes     int NOT NULL,
        pda_n        int NOT NULL,
        pda_sum      double precision NOT NULL,
        change_n     int NOT NULL,
        change_sum   double precision NOT NULL
      )`);
    await q.query(`CREATE INDEX episode_cell_month_idx ON episode_cell_month (month)`);
    await q.query(`
      CREATE TABLE milestone_cell_month (
        month        date NOT NULL,
        site_id      text NOT NULL,
        primary_type text,
        m            int NOT NULL,
        episodes     int NOT NULL,
        responders   int NOT NULL,
        abstinent    int NOT NULL
      )`);
    await q.query(`CREATE INDEX milestone_cell_month_idx ON milestone_cell_month (month)`);
    // Loaded data have no rows here until their next load: until then the live SQL answers (the
    // derived tables count as stale without derived_meta).
    await q.query(`DELETE FROM derived_meta`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE milestone_cell_month`);
    await q.query(`DROP TABLE episode_cell_month`);
  }
}
