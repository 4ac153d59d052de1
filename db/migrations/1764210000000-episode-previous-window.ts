import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * episode_fact.previous_window_end: the window end of the participant's previous episode. A
 * participant's episodes never overlap, so those overlapping a period form one run, and exactly
 * one of them (the first) has a previous episode ending before the period: the program overview
 * counts participants served as such episodes, a plain count instead of a count of distinct
 * participants over every episode (a sort of 100,000 IDs per period). Filled by the loader; filled
 * here for the rows already derived, so that the figures stay right until the next load.
 */
export class EpisodePreviousWindow1764210000000 implements MigrationInterface {
  name = 'EpisodePreviousWindow1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE episode_fact ADD COLUMN previous_window_end date`);
    await q.query(`
      UPDATE episode_fact ef SET previous_window_end = p.previous_window_end
      FROM (
        SELECT enrollment_id,
          lag(window_end) OVER (PARTITION BY participant_id ORDER BY admission_date) AS previous_window_end
        FROM episode_fact
      ) p
      WHERE p.enrollment_id = ef.enrollment_id AND p.previous_window_end IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE episode_fact DROP COLUMN previous_window_end`);
  }
}
