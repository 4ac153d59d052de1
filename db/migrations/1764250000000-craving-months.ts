import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * craving_cell added up per calendar month of admission: for the whole months of a period,
 * sobriety's craving trend reads these rows, and craving_cell only for the cut months at its ends
 * (api ADMISSION_PARTS_CTES). A year at 100,000 participants: 2,500 month rows instead of 65,000
 * day cells. Filled by the loader with the other derived tables (see
 * DerivedMetricTables1764160000000 for when the API may read them).
 */
export class CravingMonths1764250000000 implements MigrationInterface {
  name = 'CravingMonths1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE craving_month (
        -- The first day of the month of admission.
        month        date NOT NULL,
        site_id      text NOT NULL,
        primary_type text,
        week         int NOT NULL,
        checkins     int NOT NULL,
        episodes     int NOT NULL,
        craving_sum  numeric NOT NULL
      )`);
    await q.query(`CREATE INDEX craving_month_idx ON craving_month (month)`);
    // Loaded data have no month rows until their next load: until then the live SQL answers
    // (the derived tables count as stale without derived_meta).
    await q.query(`DELETE FROM derived_meta`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE craving_month`);
  }
}
