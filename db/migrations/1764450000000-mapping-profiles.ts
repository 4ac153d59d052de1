import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mapping profiles (etl/src/mapping): how a program's own exports become the data contract's
 * files. Every save is a new version and nothing is overwritten, so what a past load was mapped by
 * stays readable; a deletion is a version marked deleted. Who saved each version is here, and the
 * GraphQL operation that saved it is in audit_log like every director action.
 */
export class MappingProfiles1764450000000 implements MigrationInterface {
  name = 'MappingProfiles1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mapping_profile (
        name      text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        version   int NOT NULL CHECK (version >= 1),
        document  jsonb NOT NULL,
        deleted   boolean NOT NULL DEFAULT false,
        saved_by  text NOT NULL,
        saved_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (name, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mapping_profile`);
  }
}
