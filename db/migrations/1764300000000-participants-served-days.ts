import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participants served without a site or group-type filter, from per-day rows instead of one row
 * per episode (episode_span, dropped here): a participant served in [F, L] is counted by the
 * first of their episodes whose window reaches into it, which is either
 *  - an episode admitted before F whose window still covers F (no earlier episode can: a
 *    participant's episodes never overlap): the running sum of episode_cover_day up to F, or
 *  - an episode admitted in [F, L] whose previous episode ended before F: the admissions of
 *    [F, L] (episode_day) less the readmissions among them whose previous window reached F
 *    (episode_readmission).
 * The overview's served count read every episode (74,000 of 109,000 for a 90-day period, 25 ms);
 * now it reads a few hundred day rows and the readmissions of the period. Filled by the loader with
 * the other derived tables.
 */
export class ParticipantsServedDays1764300000000 implements MigrationInterface {
  name = 'ParticipantsServedDays1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE episode_cover_day (
        day    date PRIMARY KEY,
        -- +1 the day after each admission, −1 the day after its window ends (as_of if still open).
        change int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE episode_readmission (
        admission_date      date NOT NULL,
        previous_window_end date NOT NULL,
        episodes            int  NOT NULL,
        PRIMARY KEY (admission_date, previous_window_end)
      )`);
    await q.query(`DROP TABLE episode_span`);
    // Loaded data have no rows here until their next load: until then the live SQL answers (the
    // derived tables count as stale without derived_meta).
    await q.query(`DELETE FROM derived_meta`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE episode_span (
        admission_date      date NOT NULL,
        window_end          date NOT NULL,
        previous_window_end date
      )`);
    await q.query(`DROP TABLE episode_readmission`);
    await q.query(`DROP TABLE episode_cover_day`);
    await q.query(`DELETE FROM derived_meta`);
  }
}
