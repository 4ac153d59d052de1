import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funder releases (docs/METRICS.md, "Privacy: what a funder may hold"): the outcome report of one
 * calendar period over one set of sites, protected, opened as a draft and then published. A
 * published release is frozen: a trigger refuses to change or delete it, so what a funder once
 * held stays exactly what the program can show it held. A correction is a new version.
 *
 * `content` is the protected report, the only thing a funder is ever sent; `exact_figures` holds
 * the draft's exact figures beside it for the director who reviews what will be hidden, and is
 * emptied when the draft is published.
 */
export class Releases1764400000000 implements MigrationInterface {
  name = 'Releases1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE release (
        release_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        period_kind    text NOT NULL CHECK (period_kind IN ('month', 'quarter', 'half', 'year')),
        period_from    date NOT NULL,
        period_to      date NOT NULL CHECK (period_to > period_from),
        -- NULL: every site; otherwise sorted and distinct.
        site_ids       text[] CHECK (site_ids IS NULL OR cardinality(site_ids) > 0),
        -- The sites as one key ('*' for every site), written with site_ids (a generated column
        -- cannot use array_to_string, which is not immutable).
        scope_key      text NOT NULL,
        status         text NOT NULL CHECK (status IN ('draft', 'published')),
        version        int CHECK ((status = 'published') = (version IS NOT NULL)),
        as_of          date NOT NULL,
        data_version   text NOT NULL,
        method_version text NOT NULL,
        content        jsonb NOT NULL,
        exact_figures  jsonb CHECK (status = 'draft' OR exact_figures IS NULL),
        change_note    text,
        created_by     text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        published_by   text,
        published_at   timestamptz
      )`);
    await q.query(`
      CREATE UNIQUE INDEX release_version_idx ON release (scope_key, period_kind, period_from, version)
        WHERE status = 'published'`);
    await q.query(`CREATE INDEX release_period_idx ON release (period_from, period_to)`);
    await q.query(`
      CREATE FUNCTION release_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'release % is published and cannot change; publish a correction instead', OLD.release_id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER release_frozen BEFORE UPDATE OR DELETE ON release
        FOR EACH ROW EXECUTE FUNCTION release_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE release`);
    await q.query(`DROP FUNCTION release_frozen()`);
  }
}
