import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Episode cells: the additive sobriety figures of episode_fact and episode_milestone summed per
 * admission date, site and primary group type, so that a period's figures read a few thousand
 * cells instead of one row per episode. Filled by the loader with the other derived tables (see
 * DerivedMetricTables1764160000000 for when the API may read them).
 */
export class EpisodeCells1764180000000 implements MigrationInterface {
  name = 'EpisodeCells1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE episode_cell (
        admission_date date NOT NULL,
        site_id        text NOT NULL,
        primary_type   text,
        episodes       int NOT NULL,
        -- Percent days abstinent: episodes with in-treatment check-ins, and the sum of their PDA.
        pda_n          int NOT NULL,
        pda_sum        float8 NOT NULL,
        -- Change from baseline: those of them with a baseline, and the sum of PDA − baseline PDA.
        change_n       int NOT NULL,
        change_sum     float8 NOT NULL
      )`);
    await q.query(`CREATE INDEX episode_cell_admission_idx ON episode_cell (admission_date)`);
    await q.query(`
      CREATE TABLE milestone_cell (
        admission_date date NOT NULL,
        site_id        text NOT NULL,
        primary_type   text,
        m              int NOT NULL,
        -- Every episode of the cell: whether it is eligible at milestone m depends on its admission date.
        episodes       int NOT NULL,
        responders     int NOT NULL,
        abstinent      int NOT NULL
      )`);
    await q.query(`CREATE INDEX milestone_cell_admission_idx ON milestone_cell (admission_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE milestone_cell`);
    await q.query(`DROP TABLE episode_cell`);
  }
}
