import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accountability sums of episode_fact (check-in adherence and goal attainment, METRICS.md
 * Accountability 2 and 4) added to episode_cell, per admission date, site and primary type: the
 * API then reads a few thousand cells for a year instead of every episode (100,000 at the
 * benchmark's size). Filled by the loader with the other derived tables.
 */
export class EpisodeCellAccountability1764290000000 implements MigrationInterface {
  name = 'EpisodeCellAccountability1764290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE episode_cell
        ADD COLUMN episodes_with_active_weeks int NOT NULL DEFAULT 0,
        ADD COLUMN active_weeks               int NOT NULL DEFAULT 0,
        ADD COLUMN checkin_weeks              int NOT NULL DEFAULT 0,
        ADD COLUMN episodes_with_goal_ratings int NOT NULL DEFAULT 0,
        ADD COLUMN goals_met                  int NOT NULL DEFAULT 0,
        ADD COLUMN goals_rated                int NOT NULL DEFAULT 0`);
    // Loaded cells have no such sums until their next load: until then the live SQL answers
    // (the derived tables count as stale without derived_meta).
    await q.query(`DELETE FROM derived_meta`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE episode_cell
        DROP COLUMN episodes_with_active_weeks, DROP COLUMN active_weeks, DROP COLUMN checkin_weeks,
        DROP COLUMN episodes_with_goal_ratings, DROP COLUMN goals_met, DROP COLUMN goals_rated`);
  }
}
