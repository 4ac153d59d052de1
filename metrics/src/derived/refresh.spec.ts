import { createTestDatabase, type TestDatabase } from '@iop/db';
import { Client, Pool } from 'pg';
import { refreshDerivedTables } from './refresh';

// Only ANALYZE writes pg_statistic: of the source tables watched here (empty after the migrations,
// the test's rows aside; those it writes and some it does not), those with statistics were analyzed.
const ANALYZED_SQL = `
SELECT DISTINCT starelid::regclass::text AS name FROM pg_statistic
WHERE starelid::regclass::text = ANY ($1) ORDER BY 1`;
const SOME_SOURCE_TABLES = ['site', 'therapy_group', 'participant', 'enrollment', 'group_session', 'attendance'];

let db: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  // Written before the refresh's transaction, never analyzed; by another session, whose counts of
  // its writes (pg_stat_xact_user_tables) the refresh's session does not see.
  const other = new Client({ connectionString: db.url });
  await other.connect();
  await other.query(`INSERT INTO site VALUES ('S0', 'West');
    INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES ('G0', 'S0', 'process', 'Process')`);
  await other.end();
  pool = new Pool({ connectionString: db.url, max: 1 });
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('refreshDerivedTables', () => {
  it('analyzes the source tables its transaction wrote, and leaves the others', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO site VALUES ('S1', 'North'); INSERT INTO participant (participant_id) VALUES ('P1')`,
      );
      expect((await client.query(ANALYZED_SQL, [SOME_SOURCE_TABLES])).rows).toEqual([]);
      // No dated row: the refresh stops after the statistics, with its tables empty.
      expect(await refreshDerivedTables(client)).toMatchObject({ fullBecause: 'the database holds no dated row' });
      expect((await client.query(ANALYZED_SQL, [SOME_SOURCE_TABLES])).rows).toEqual([
        { name: 'participant' },
        { name: 'site' },
      ]);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
