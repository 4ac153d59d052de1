import { createTestDatabase, type TestDatabase } from '@iop/db';
import { Pool, type PoolClient } from 'pg';
import { refreshTableFreshness } from './table-freshness';
import { createDerivedTables } from './refresh';

// P1 is enrolled at S1 and then at S2, P2 at S1 only, P3 nowhere; S3 has no records at all. X4 has
// no attendance, and only X1 has feedback.
const FIXTURE_SQL = `
INSERT INTO site VALUES ('S1', 'North'), ('S2', 'South'), ('S3', 'East');
INSERT INTO participant (participant_id) VALUES ('P1'), ('P2'), ('P3');
INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
  ('G1', 'S1', 'process', 'Process'), ('G2', 'S2', 'skills', 'Skills');
INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason) VALUES
  ('E1', 'P1', 'S1', '2025-01-06', '2025-01-31', 'transferred'),
  ('E2', 'P1', 'S2', '2025-02-03', NULL, NULL),
  ('E3', 'P2', 'S1', '2025-01-06', '2025-03-02', 'completed');
INSERT INTO group_session (session_id, group_id, session_date) VALUES
  ('X1', 'G1', '2025-01-07'), ('X2', 'G1', '2025-01-14'), ('X3', 'G2', '2025-02-04'), ('X4', 'G2', '2025-02-11');
INSERT INTO attendance VALUES
  ('X1', 'P1', 'present', 90), ('X1', 'P2', 'present', 90), ('X2', 'P2', 'absent', NULL), ('X3', 'P1', 'present', 60);
INSERT INTO feedback VALUES ('X1', 'P1', 9, 9, 9, 9);
INSERT INTO sobriety_checkin (participant_id, report_date, days_used) VALUES
  ('P1', '2025-01-13', 0), ('P1', '2025-02-10', 1), ('P2', '2025-01-20', 0);`;

// What api FRESHNESS_SQL answers for every site ('') and for each site: "kind rows latest".
const EXPECTED: Record<string, string[]> = {
  '': [
    'sites 3 -',
    'groups 2 -',
    'participants 3 -',
    'enrollments 3 2025-03-02',
    'sessions 4 2025-02-11',
    'attendance 4 2025-02-04',
    'feedback 1 2025-01-07',
    'sobriety 3 2025-02-10',
  ],
  S1: [
    'sites 1 -',
    'groups 1 -',
    'participants 2 -',
    'enrollments 2 2025-03-02',
    'sessions 2 2025-01-14',
    'attendance 3 2025-01-14',
    'feedback 1 2025-01-07',
    'sobriety 3 2025-02-10', // P1's check-in at S2 too: the live SQL takes a participant's every check-in
  ],
  S2: [
    'sites 1 -',
    'groups 1 -',
    'participants 1 -',
    'enrollments 1 2025-02-03',
    'sessions 2 2025-02-11',
    'attendance 1 2025-02-04',
    'feedback 0 -',
    'sobriety 2 2025-02-10',
  ],
  S3: [
    'sites 1 -',
    'groups 0 -',
    'participants 0 -',
    'enrollments 0 -',
    'sessions 0 -',
    'attendance 0 -',
    'feedback 0 -',
    'sobriety 0 -',
  ],
};

// derived.session_fact as the loader's refresh leaves it for an as_of of 2025-01-31: only the sessions up
// to then, with their attendance rows (scheduled) and feedback rows (responses).
const SESSION_FACT_TO_JANUARY_SQL = `
INSERT INTO derived.session_fact
SELECT s.session_id, s.group_id, g.site_id, g.group_type, s.session_date, s.session_date,
  (SELECT count(*) FROM attendance a WHERE a.session_id = s.session_id), 0, 0, 0, 0, 0, 0, 0,
  (SELECT count(*) FROM feedback f WHERE f.session_id = s.session_id), 0, 0, 0, 0, 0, 0
FROM group_session s JOIN therapy_group g ON g.group_id = s.group_id
WHERE s.session_date <= '2025-01-31'`;

let db: TestDatabase;
let pool: Pool;

beforeAll(async () => {
  db = await createTestDatabase();
  pool = new Pool({ connectionString: db.url, max: 1 });
  await pool.query(FIXTURE_SQL);
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

/** Runs work and reads the freshness it stored, in a transaction that is rolled back. */
async function storedAfter(work: (client: PoolClient) => Promise<void>) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await createDerivedTables(client);
    await work(client);
    const { rows } = await client.query<{ site_id: string; line: string }>(`
      SELECT site_id, kind || ' ' || rows || ' ' || coalesce(to_char(latest, 'YYYY-MM-DD'), '-') AS line
      FROM derived.table_freshness
      ORDER BY site_id, array_position(ARRAY['sites', 'groups', 'participants', 'enrollments', 'sessions',
        'attendance', 'feedback', 'sobriety'], kind)`);
    const sites = await client.query(`SELECT * FROM derived.participant_site_set ORDER BY site_ids`);
    const bySite: Record<string, string[]> = {};
    for (const row of rows) (bySite[row.site_id] ??= []).push(row.line);
    return { bySite, sites: sites.rows };
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

describe('refreshTableFreshness', () => {
  it('stores the freshness of every site together and of each site', async () => {
    const { bySite, sites } = await storedAfter(refreshTableFreshness);
    expect(bySite).toEqual(EXPECTED);
    expect(sites).toEqual([
      { site_ids: [], participants: '1', checkins: '0', latest_checkin: null },
      { site_ids: ['S1'], participants: '1', checkins: '1', latest_checkin: expect.any(Date) },
      { site_ids: ['S1', 'S2'], participants: '1', checkins: '2', latest_checkin: expect.any(Date) },
    ]);
  });

  it('counts the sessions after the derived as_of too, from the rows themselves', async () => {
    const { bySite } = await storedAfter(async (client) => {
      await client.query(SESSION_FACT_TO_JANUARY_SQL);
      await refreshTableFreshness(client);
    });
    expect(bySite).toEqual(EXPECTED);
  });
});
