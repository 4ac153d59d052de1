import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The data contract's tables (docs/DATA_CONTRACT.md) and the loader's own records. The database
 * holds every invariant it can, so that no code path can store a row the contract forbids:
 * keys, foreign keys, ranges, codes, and no overlapping episodes for one participant.
 */
export class InitialSchema1764140000000 implements MigrationInterface {
  name = 'InitialSchema1764140000000';

  async up(q: QueryRunner): Promise<void> {
    // Trusted extension: the database owner may create it without superuser rights.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE DOMAIN entity_key AS text
        CHECK (VALUE = btrim(VALUE) AND length(VALUE) BETWEEN 1 AND 64 AND VALUE !~ '[[:cntrl:]]')`);
    await q.query(`
      CREATE DOMAIN rating_0_10 AS numeric
        CHECK (VALUE BETWEEN 0 AND 10 AND VALUE = round(VALUE, 1))`);

    await q.query(`
      CREATE TABLE site (
        site_id   entity_key PRIMARY KEY,
        site_name text NOT NULL CHECK (length(site_name) BETWEEN 1 AND 200)
      )`);

    await q.query(`
      CREATE TABLE therapy_group (
        group_id   entity_key PRIMARY KEY,
        site_id    entity_key NOT NULL REFERENCES site,
        group_type text NOT NULL
          CHECK (group_type IN ('psychoeducation', 'skills', 'process', 'trauma_informed', 'family')),
        group_name text NOT NULL CHECK (length(group_name) BETWEEN 1 AND 200),
        modality   text CHECK (modality IN ('cbt', 'dbt', 'mindfulness', 'motivational', 'twelve_step', 'other')),
        capacity   smallint CHECK (capacity BETWEEN 1 AND 30)
      )`);
    await q.query(`CREATE INDEX therapy_group_site_idx ON therapy_group (site_id)`);

    await q.query(`
      CREATE TABLE participant (
        participant_id    entity_key PRIMARY KEY,
        -- The loader also caps this at the current year; a constant bound keeps the check immutable.
        birth_year        smallint CHECK (birth_year BETWEEN 1900 AND 2100),
        gender            text CHECK (gender IN ('female', 'male', 'nonbinary', 'other', 'unknown')),
        primary_substance text
          CHECK (primary_substance IN ('alcohol', 'opioids', 'stimulants', 'cannabis', 'sedatives', 'other')),
        co_occurring      boolean
      )`);

    await q.query(`
      CREATE TABLE enrollment (
        enrollment_id      entity_key PRIMARY KEY,
        participant_id     entity_key NOT NULL REFERENCES participant,
        site_id            entity_key NOT NULL REFERENCES site,
        admission_date     date NOT NULL,
        discharge_date     date,
        discharge_reason   text CHECK (discharge_reason IN
          ('completed', 'dropped_out', 'terminated', 'transferred', 'incarcerated', 'died', 'other')),
        assessment_date    date,
        baseline_days_used smallint CHECK (baseline_days_used BETWEEN 0 AND 30),
        CONSTRAINT enrollment_discharge_after_admission CHECK (discharge_date >= admission_date),
        CONSTRAINT enrollment_assessment_before_admission CHECK (assessment_date <= admission_date),
        CONSTRAINT enrollment_reason_iff_discharged CHECK ((discharge_date IS NULL) = (discharge_reason IS NULL)),
        -- An open episode runs to infinity, so nothing may be admitted after it until it is closed.
        -- Deferrable so that one load may move two episodes past each other in a single statement.
        CONSTRAINT enrollment_no_overlap EXCLUDE USING gist (
          participant_id WITH =,
          daterange(admission_date, discharge_date, '[]') WITH &&
        ) DEFERRABLE INITIALLY IMMEDIATE
      )`);
    await q.query(`CREATE INDEX enrollment_participant_idx ON enrollment (participant_id, admission_date)`);
    await q.query(`CREATE INDEX enrollment_admission_idx ON enrollment (admission_date)`);
    await q.query(`CREATE INDEX enrollment_site_idx ON enrollment (site_id)`);

    await q.query(`
      CREATE TABLE group_session (
        session_id       entity_key PRIMARY KEY,
        group_id         entity_key NOT NULL REFERENCES therapy_group,
        session_date     date NOT NULL,
        duration_minutes smallint CHECK (duration_minutes BETWEEN 15 AND 480),
        topic            text CHECK (length(topic) <= 200)
      )`);
    await q.query(`CREATE INDEX group_session_group_date_idx ON group_session (group_id, session_date)`);
    await q.query(`CREATE INDEX group_session_date_idx ON group_session (session_date)`);

    await q.query(`
      CREATE TABLE attendance (
        session_id       entity_key NOT NULL REFERENCES group_session,
        participant_id   entity_key NOT NULL REFERENCES participant,
        status           text NOT NULL CHECK (status IN ('present', 'late', 'left_early', 'absent', 'excused')),
        minutes_attended smallint CHECK (minutes_attended BETWEEN 0 AND 480),
        PRIMARY KEY (session_id, participant_id)
      )`);
    await q.query(`CREATE INDEX attendance_participant_idx ON attendance (participant_id)`);

    await q.query(`
      CREATE TABLE feedback (
        session_id     entity_key NOT NULL,
        participant_id entity_key NOT NULL,
        relationship   rating_0_10 NOT NULL,
        goals_topics   rating_0_10 NOT NULL,
        approach       rating_0_10 NOT NULL,
        overall        rating_0_10 NOT NULL,
        PRIMARY KEY (session_id, participant_id),
        FOREIGN KEY (session_id, participant_id) REFERENCES attendance
      )`);

    await q.query(`
      CREATE TABLE sobriety_checkin (
        participant_id entity_key NOT NULL REFERENCES participant,
        report_date    date NOT NULL,
        days_used      smallint NOT NULL,
        window_days    smallint NOT NULL DEFAULT 7 CHECK (window_days BETWEEN 1 AND 30),
        craving        rating_0_10,
        goal_met       boolean,
        PRIMARY KEY (participant_id, report_date),
        CONSTRAINT sobriety_days_in_window CHECK (days_used BETWEEN 0 AND window_days)
      )`);
    await q.query(`CREATE INDEX sobriety_report_date_idx ON sobriety_checkin (report_date)`);

    // The loader's own records: one row per load, per file of a load, and per rejected value.
    await q.query(`
      CREATE TABLE etl_load (
        load_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        started_at     timestamptz NOT NULL DEFAULT now(),
        finished_at    timestamptz,
        status         text NOT NULL CHECK (status IN ('running', 'succeeded', 'partial', 'failed')),
        source         text NOT NULL,
        rows_read      bigint NOT NULL DEFAULT 0,
        rows_inserted  bigint NOT NULL DEFAULT 0,
        rows_updated   bigint NOT NULL DEFAULT 0,
        rows_unchanged bigint NOT NULL DEFAULT 0,
        rows_rejected  bigint NOT NULL DEFAULT 0,
        message        text
      )`);
    await q.query(`CREATE INDEX etl_load_started_idx ON etl_load (started_at DESC)`);
    await q.query(`
      CREATE TABLE etl_load_file (
        load_id     bigint NOT NULL REFERENCES etl_load ON DELETE CASCADE,
        file_name   text NOT NULL,
        kind        text,
        status      text NOT NULL CHECK (status IN ('loaded', 'refused')),
        rows_read   bigint NOT NULL DEFAULT 0,
        inserted    bigint NOT NULL DEFAULT 0,
        updated     bigint NOT NULL DEFAULT 0,
        unchanged   bigint NOT NULL DEFAULT 0,
        rejected    bigint NOT NULL DEFAULT 0,
        duration_ms integer NOT NULL DEFAULT 0,
        message     text,
        PRIMARY KEY (load_id, file_name)
      )`);
    await q.query(`
      CREATE TABLE etl_reject (
        load_id     bigint NOT NULL REFERENCES etl_load ON DELETE CASCADE,
        file_name   text NOT NULL,
        line        bigint NOT NULL,
        column_name text,
        value       text,
        reason      text NOT NULL
      )`);
    await q.query(`CREATE INDEX etl_reject_load_idx ON etl_reject (load_id, file_name, line)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'etl_reject',
      'etl_load_file',
      'etl_load',
      'sobriety_checkin',
      'feedback',
      'attendance',
      'group_session',
      'enrollment',
      'participant',
      'therapy_group',
      'site',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP DOMAIN rating_0_10`);
    await q.query(`DROP DOMAIN entity_key`);
    // btree_gist stays: other objects of the database may use it.
  }
}
