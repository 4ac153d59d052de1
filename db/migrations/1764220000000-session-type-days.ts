import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session sums per day, site and group type: a period whose first or last day cuts an ISO week
 * takes the days it keeps of that week from here (about 15 rows a day) instead of summing the
 * sessions of those days one by one from session_fact (7,000 sessions a week, 20 ms at 100,000
 * participants for attendance, feedback and session accountability alike). Filled by the loader
 * with the other derived tables (see DerivedMetricTables1764160000000 for when the API may read
 * them).
 */
export class SessionTypeDays1764220000000 implements MigrationInterface {
  name = 'SessionTypeDays1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE session_type_day (
        session_date      date NOT NULL,
        week              date NOT NULL,
        site_id           text NOT NULL,
        group_type        text NOT NULL,
        sessions          int NOT NULL,
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
        overall_sum       numeric NOT NULL,
        PRIMARY KEY (session_date, site_id, group_type)
      )`);
    // Loaded data have no day rows until their next load: until then the live SQL answers (the
    // derived tables count as stale without derived_meta), never a cut week without its days.
    await q.query(`DELETE FROM derived_meta`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_type_day`);
  }
}
