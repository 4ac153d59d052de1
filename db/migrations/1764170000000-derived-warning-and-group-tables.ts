import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Derived tables of the early-warning list and of the group drill-down, filled by the loader in
 * its transaction (etl/src/derived) as of the data's default as_of, read by the API only while
 * `derived_meta` says they are current (see DerivedMetricTables1764160000000).
 */
export class DerivedWarningAndGroupTables1764170000000 implements MigrationInterface {
  name = 'DerivedWarningAndGroupTables1764170000000';

  async up(q: QueryRunner): Promise<void> {
    // Every episode open at the derived as_of, with the facts and reasons of METRICS.md's early
    // warning (api EARLY_WARNING_SQL, CTE `judged`).
    await q.query(`
      CREATE TABLE episode_warning (
        enrollment_id       text PRIMARY KEY,
        participant_id      text NOT NULL,
        site_id             text NOT NULL,
        admission_date      date NOT NULL,
        last_session_date   date,
        last_attended_date  date,
        last_two_statuses   text[],
        rows_recent         int NOT NULL,
        attended_last       int NOT NULL,
        last_feedback_date  date,
        last_feedback_score numeric,
        last_checkin_date   date,
        last_days_used      smallint,
        two_absent          boolean NOT NULL,
        not_attending       boolean NOT NULL,
        low_feedback        boolean NOT NULL,
        use_reported        boolean NOT NULL,
        no_checkin          boolean NOT NULL,
        reason_count        int NOT NULL
      )`);

    // Running totals of each group through each of its session days: the figures of any period
    // are the difference of two rows. pairs_started / pairs_ended count the group's participants
    // whose first / last session date with a row in the group is on or before that day.
    await q.query(`
      CREATE TABLE group_day_total (
        group_id      text NOT NULL,
        session_date  date NOT NULL,
        sessions      int NOT NULL,
        scheduled     int NOT NULL,
        attended      int NOT NULL,
        excused       int NOT NULL,
        responses     int NOT NULL,
        score_sum     numeric NOT NULL,
        pairs_started int NOT NULL,
        pairs_ended   int NOT NULL,
        PRIMARY KEY (group_id, session_date)
      )`);
    // A participant's consecutive dates with rows in a group between which the group held a
    // session day without a row of theirs: a period inside (gap_from, gap_to) misses them.
    await q.query(`
      CREATE TABLE group_participant_gap (
        group_id       text NOT NULL,
        participant_id text NOT NULL,
        gap_from       date NOT NULL,
        gap_to         date NOT NULL,
        PRIMARY KEY (group_id, participant_id, gap_from)
      )`);
    // The groups of participants with rows in more than one group of a type: the only ones a
    // type's distinct participant count must not count twice.
    await q.query(`
      CREATE TABLE multi_group_participant (
        group_id       text NOT NULL,
        participant_id text NOT NULL,
        group_type     text NOT NULL,
        first_date     date NOT NULL,
        last_date      date NOT NULL,
        PRIMARY KEY (group_id, participant_id)
      )`);
    await q.query(`CREATE INDEX multi_group_participant_type_idx ON multi_group_participant (group_type)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['multi_group_participant', 'group_participant_gap', 'group_day_total', 'episode_warning']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
