import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention's three groupings per admission day and site (episode_outcome_day), in the shape of
 * episode_outcome_month: the cut months at a period's ends add up these day rows (half as many as
 * their episodes' three rows each) instead of grouping the episodes. episode_outcome, one row per
 * episode, has no reader left and goes. Filled by the loader with the other derived tables (see
 * DerivedMetricTables1764160000000 for when the API may read them).
 */
export class EpisodeOutcomeDays1764270000000 implements MigrationInterface {
  name = 'EpisodeOutcomeDays1764270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE episode_outcome_day (
        admission_date date NOT NULL,
        site_id        text NOT NULL,
        -- 1: a survival cell (t, event); 2: a discharge reason cell; 3: a length-of-stay cell.
        kind           smallint NOT NULL CHECK (kind IN (1, 2, 3)),
        type_no        smallint,
        t              int,
        event          boolean,
        reason_no      smallint,
        stay           int,
        n              int NOT NULL
      )`);
    await q.query(`CREATE INDEX episode_outcome_day_idx ON episode_outcome_day (admission_date)`);
    await q.query(`DROP TABLE episode_outcome`);
    // Loaded data have no day rows until their next load: until then the live SQL answers (the
    // derived tables count as stale without derived_meta).
    await q.query(`DELETE FROM derived_meta`);
  }

  async down(q: QueryRunner): Promise<void> {
    // As EpisodeOutcomes1764230000000 made it; its rows come back with the next load.
    await q.query(`
      CREATE TABLE episode_outcome (
        admission_date date NOT NULL,
        site_id        text NOT NULL,
        type_no        smallint,
        t              int NOT NULL,
        event          boolean NOT NULL,
        reason_no      smallint,
        stay           int
      )`);
    await q.query(`CREATE INDEX episode_outcome_admission_idx ON episode_outcome (admission_date)`);
    await q.query(`DROP TABLE episode_outcome_day`);
    await q.query(`DELETE FROM derived_meta`);
  }
}
