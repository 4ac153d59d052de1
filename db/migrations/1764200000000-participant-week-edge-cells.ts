import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participant-week edge cells: a period whose first or last day cuts an ISO week needs that week's
 * participant-weeks formed from the days it keeps, which participant_week_cell (whole weeks) cannot
 * give; counting them from the attendance rows took about 250 ms at 100,000 participants, for every
 * period not from a Monday to a Sunday. These cells hold the same four counts for every head
 * (Monday to a day) and tail (a day to Sunday) of each week, per site and group type (or '*', all
 * five); the API adds sites up only while no participant-week spans two (derived_meta.single_site).
 * Filled by the loader with the other derived tables (see DerivedMetricTables1764160000000 for when
 * the API may read them).
 */
export class ParticipantWeekEdgeCells1764200000000 implements MigrationInterface {
  name = 'ParticipantWeekEdgeCells1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participant_week_edge_cell (
        week       date NOT NULL,
        -- The days of the week kept: from the Monday (a head) or to the Sunday (a tail), never both.
        from_date  date NOT NULL,
        to_date    date NOT NULL,
        site_id    text NOT NULL,
        -- '*' for all five group types, as in participant_week_cell.
        group_type text NOT NULL,
        weeks      int NOT NULL,
        consistent int NOT NULL,
        unknown    int NOT NULL,
        met        int NOT NULL,
        PRIMARY KEY (from_date, to_date, site_id, group_type)
      )`);
    // Loaded data have no edge cells until their next load: until then the live SQL answers
    // (the derived tables count as stale without derived_meta), never a cut week of zeros.
    await q.query(`DELETE FROM derived_meta`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE participant_week_edge_cell`);
  }
}
