import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per episode, what the adjusted comparison (METRICS.md "Adjusted comparisons") and the funnel plot
 * of groups read: the case-mix covariates (age band at admission, gender, primary substance,
 * co-occurring disorder, baseline days used, site), the primary group type and the episode's group
 * within it, and the retention time and event with discharged/completed at the data's as_of.
 * Joining episodes with participants and computing the bands on every uncached request took
 * about 1 s at 100,000 participants, and finding each episode's group in the attendance rows
 * 4–14 s. Filled by the loader with the other derived tables (metrics/src/derived/episode-covariates.ts).
 */
export class EpisodeCovariates1764500000000 implements MigrationInterface {
  name = 'EpisodeCovariates1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE episode_covariate (
        enrollment_id      text PRIMARY KEY,
        admission_date     date NOT NULL,
        site_id            text NOT NULL,
        primary_type       text,
        group_id           text,
        age_band           text NOT NULL,
        gender             text NOT NULL,
        substance          text NOT NULL,
        co_occurring       text NOT NULL,
        baseline_days_used int,
        t                  int NOT NULL,
        event              boolean NOT NULL,
        discharged         boolean NOT NULL,
        completed          boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX episode_covariate_admission_idx ON episode_covariate (admission_date)`);
    // Loaded data have no rows here until their next load: until then the live SQL answers.
    await q.query(`DELETE FROM derived_meta`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE episode_covariate`);
  }
}
