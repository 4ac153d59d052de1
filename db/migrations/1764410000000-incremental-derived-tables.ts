import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the derived tables' incremental refresh (metrics/src/derived) needs: the version of the
 * declarations that built them (derived_meta.declarations; a load that finds another rebuilds them
 * whole), and the participant-weeks with rows at two sites or more, kept per week so that a load
 * rebuilding some weeks can still say whether any participant-week in the data spans two sites
 * (derived_meta.single_site).
 */
export class IncrementalDerivedTables1764410000000 implements MigrationInterface {
  name = 'IncrementalDerivedTables1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE derived_meta ADD COLUMN declarations text`);
    await q.query(`
      CREATE TABLE participant_week_multi_site (
        week          date NOT NULL,
        enrollment_id text NOT NULL,
        PRIMARY KEY (week, enrollment_id)
      )`);
    // The next load rebuilds every derived table (and fills this one).
    await q.query(`DELETE FROM derived_meta`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE participant_week_multi_site`);
    await q.query(`ALTER TABLE derived_meta DROP COLUMN declarations`);
  }
}
