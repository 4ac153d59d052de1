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
 * Derived metric tables: per-episode and per-session facts and small weekly cells, precomputed by
 * the loader inside its transaction (etl/src/derived) as of the data's default as_of. The API uses
 * them only while `derived_meta` holds a row whose as_of is the query's; any other write to the
 * source tables (a test's INSERT, a manual fix) deletes that row, so the API falls back to the
 * live SQL until the next load refreshes them.
 */
export class DerivedMetricTables1764160000000 implements MigrationInterface {
  name = 'DerivedMetricTables1764160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE derived_meta (
        singleton    boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        as_of        date NOT NULL,
        -- True when no participant-week has rows at two sites: per-site weekly cells then add up.
        single_site  boolean NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION derived_meta_invalidate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM derived_meta;
        RETURN NULL;
      END $$`);
    for (const table of SOURCE_TABLES) {
      await q.query(`
        CREATE TRIGGER ${table}_derived_stale AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION derived_meta_invalidate()`);
    }

    await q.query(`
      CREATE TABLE episode_fact (
        enrollment_id      text PRIMARY KEY,
        participant_id     text NOT NULL,
        site_id            text NOT NULL,
        admission_date     date NOT NULL,
        baseline_days_used smallint,
        discharge_date     date,
        discharge_reason   text,
        window_end         date NOT NULL,
        primary_type       text,
        -- Sums over in-treatment check-ins (NULL without any): percent days abstinent.
        pda_days_used      bigint,
        pda_window_days    bigint,
        active_weeks       int NOT NULL,
        checkin_weeks      int NOT NULL,
        goals_met          int NOT NULL,
        goals_rated        int NOT NULL
      )`);
    await q.query(`CREATE INDEX episode_fact_admission_idx ON episode_fact (admission_date)`);
    await q.query(`
      CREATE TABLE episode_milestone (
        enrollment_id text NOT NULL,
        m             int NOT NULL,
        days_used     smallint NOT NULL,
        PRIMARY KEY (enrollment_id, m)
      )`);
    await q.query(`
      CREATE TABLE craving_cell (
        admission_date date NOT NULL,
        site_id        text NOT NULL,
        primary_type   text,
        week           int NOT NULL,
        checkins       int NOT NULL,
        episodes       int NOT NULL,
        craving_sum    numeric NOT NULL
      )`);
    await q.query(`CREATE INDEX craving_cell_admission_idx ON craving_cell (admission_date)`);

    const sessionSums = `
        scheduled         int NOT NULL,
        present           int NOT NULL,
        late              int NOT NULL,
        left_early        int NOT NULL,
        absent            int NOT NULL,
        excused           int NOT NULL,
        feedback_attended int NOT NULL,
        reengaged         int NOT NULL,
        responses         int NOT NULL,
        flagged           int NOT NULL,
        score_sum         numeric NOT NULL,
        relationship_sum  numeric NOT NULL,
        goals_topics_sum  numeric NOT NULL,
        approach_sum      numeric NOT NULL,
        overall_sum       numeric NOT NULL`;
    await q.query(`
      CREATE TABLE session_fact (
        session_id   text PRIMARY KEY,
        group_id     text NOT NULL,
        site_id      text NOT NULL,
        group_type   text NOT NULL,
        session_date date NOT NULL,
        week         date NOT NULL,
        ${sessionSums}
      )`);
    await q.query(`CREATE INDEX session_fact_date_idx ON session_fact (session_date)`);
    await q.query(`
      CREATE TABLE session_type_week (
        week       date NOT NULL,
        site_id    text NOT NULL,
        group_type text NOT NULL,
        first_date date NOT NULL,
        last_date  date NOT NULL,
        sessions   int NOT NULL,
        ${sessionSums},
        PRIMARY KEY (week, site_id, group_type)
      )`);
    await q.query(`
      CREATE TABLE session_group_week (
        week       date NOT NULL,
        group_id   text NOT NULL,
        site_id    text NOT NULL,
        group_type text NOT NULL,
        first_date date NOT NULL,
        last_date  date NOT NULL,
        ${sessionSums},
        PRIMARY KEY (week, group_id)
      )`);
    // Participant-weeks (episode × ISO week) counted per week, site and group type; '*' = all.
    await q.query(`
      CREATE TABLE participant_week_cell (
        week       date NOT NULL,
        site_id    text NOT NULL,
        group_type text NOT NULL,
        first_date date NOT NULL,
        last_date  date NOT NULL,
        weeks      int NOT NULL,
        consistent int NOT NULL,
        unknown    int NOT NULL,
        met        int NOT NULL,
        PRIMARY KEY (week, site_id, group_type)
      )`);
    // "The latest date in the data" (the default as_of) reads four maxima by index.
    await q.query(`CREATE INDEX enrollment_discharge_idx ON enrollment (discharge_date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX enrollment_discharge_idx`);
    for (const table of [
      'participant_week_cell',
      'session_group_week',
      'session_type_week',
      'session_fact',
      'craving_cell',
      'episode_milestone',
      'episode_fact',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    for (const table of SOURCE_TABLES) await q.query(`DROP TRIGGER ${table}_derived_stale ON ${table}`);
    await q.query(`DROP FUNCTION derived_meta_invalidate()`);
    await q.query(`DROP TABLE derived_meta`);
  }
}
