import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables the loaded rows change; any write to them makes the derived tables stale. */
const SOURCE_TABLES = [
  'site',
  'therapy_group',
  'participant',
  'enrollment',
  'group_session',
  'attendance',
  'feedback',
  'sobriety_checkin',
];

/**
 * The schema `derived`, which the metrics layer owns: it creates its tables from their
 * declarations (metrics/src/derived/derived-schema.ts) and recreates them when a declaration
 * changes. Migrations keep only its stamp, `derived.meta`: the API reads it on every request, so
 * it exists before any build. The API uses the derived tables only while `derived.meta` holds a
 * row whose as_of is the query's; any other write to the source tables (a test's INSERT, a manual
 * fix) deletes that row, so the API falls back to the live SQL until the next load refreshes them.
 *
 * Replaces the migrations that created and reshaped the derived tables in `public`
 * (1764160000000–1764500000000): on a database that has them they are dropped here, and the next
 * load (or `npm run metrics:rebuild`) builds the layer's tables whole.
 */
export class DerivedSchema1764600000000 implements MigrationInterface {
  name = 'DerivedSchema1764600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of SOURCE_TABLES) await q.query(`DROP TRIGGER IF EXISTS ${table}_derived_stale ON ${table}`);
    await q.query(`DROP FUNCTION IF EXISTS derived_meta_invalidate()`);
    await q.query(`DROP TABLE IF EXISTS ${RETIRED_TABLES.join(', ')}`);

    await q.query(`CREATE SCHEMA derived`);
    await q.query(`
      CREATE TABLE derived.meta (
        singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        as_of        date NOT NULL,
        -- True when no participant-week has rows at two sites: per-site weekly cells then add up.
        single_site  boolean NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        -- The version of the declarations that built the tables (metrics DERIVED_VERSION).
        declarations text NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION derived.invalidate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM derived.meta;
        RETURN NULL;
      END $$`);
    for (const table of SOURCE_TABLES) {
      await q.query(`
        CREATE TRIGGER ${table}_derived_stale AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION derived.invalidate()`);
    }
  }

  /** Back to no derived tables at all: the previous schema's caches are not recreated. */
  async down(q: QueryRunner): Promise<void> {
    for (const table of SOURCE_TABLES) await q.query(`DROP TRIGGER ${table}_derived_stale ON ${table}`);
    await q.query(`DROP SCHEMA derived CASCADE`);
  }
}

/** The derived tables as the retired migrations left them in `public`. */
const RETIRED_TABLES = [
  'craving_cell',
  'craving_month',
  'derived_meta',
  'episode_cell',
  'episode_cell_month',
  'episode_covariate',
  'episode_cover_day',
  'episode_day',
  'episode_fact',
  'episode_milestone',
  'episode_outcome_day',
  'episode_outcome_day_all_sites',
  'episode_outcome_month',
  'episode_outcome_month_all_sites',
  'episode_readmission',
  'episode_span',
  'episode_outcome',
  'episode_warning',
  'group_day_total',
  'group_participant_gap',
  'milestone_cell',
  'milestone_cell_month',
  'multi_group_participant',
  'participant_site_set',
  'participant_week_cell',
  'participant_week_edge_cell',
  'participant_week_multi_site',
  'session_fact',
  'session_group_week',
  'session_type_day',
  'session_type_week',
  'table_freshness',
];
