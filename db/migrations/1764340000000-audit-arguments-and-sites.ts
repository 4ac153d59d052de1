import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a request asked, whichever way it was written: `arguments` holds the resolved arguments of
 * each root field the operation ran, by response key (alias), as {"field": …, "args": {…}}; an
 * operation with its dates written inline had only `filters: {}` (its variables) before. `sites`
 * holds the sites the user was limited to when asking (NULL: every site), as their user row may
 * change later. Rows written before this have neither (NULL).
 */
export class AuditArgumentsAndSites1764340000000 implements MigrationInterface {
  name = 'AuditArgumentsAndSites1764340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN arguments jsonb, ADD COLUMN sites text[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log DROP COLUMN arguments, DROP COLUMN sites`);
  }
}
