import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The at-risk list in its own order, as an index of the episodes with a reason (api
 * EARLY_WARNING_DERIVED_SQL lists the first 500 of them): the list is read off the index and stops
 * at its limit, instead of sorting every flagged episode (10,000 of the 19,000 open ones at
 * 100,000 participants, 16 ms) for each request. The columns and collation are those of the
 * list's ORDER BY.
 */
export class EarlyWarningRankIndex1764310000000 implements MigrationInterface {
  name = 'EarlyWarningRankIndex1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX episode_warning_rank_idx
        ON episode_warning (reason_count DESC, last_attended_date ASC NULLS FIRST, enrollment_id COLLATE "C")
        WHERE reason_count > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX episode_warning_rank_idx`);
  }
}
