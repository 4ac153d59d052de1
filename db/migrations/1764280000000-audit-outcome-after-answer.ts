import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An audit row may now be committed before its request has ended (the API opens the row of a
 * figure query when the query starts, so that its commit overlaps the query's work) and its
 * outcome set when the answer is ready. NULL outcome: none was recorded (the request was still
 * running, or the server stopped before recording it). The request itself is always recorded.
 */
export class AuditOutcomeAfterAnswer1764280000000 implements MigrationInterface {
  name = 'AuditOutcomeAfterAnswer1764280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ALTER COLUMN outcome DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The older schema has no word for "not recorded"; 'error' is the closest it has.
    await q.query(`UPDATE audit_log SET outcome = 'error' WHERE outcome IS NULL`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN outcome SET NOT NULL`);
  }
}
