import { Client } from 'pg';
import { createDataSource } from './data-source';
import { createTestDatabase, TestDatabase } from './testing/test-database';

let db: TestDatabase;
let client: Client;

beforeAll(async () => {
  db = await createTestDatabase();
  client = new Client({ connectionString: db.url });
  await client.connect();
  await client.query(`
    INSERT INTO site VALUES ('S1', 'North');
    INSERT INTO participant (participant_id) VALUES ('P1'), ('P2');
    INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES ('G1', 'S1', 'skills', 'DBT skills');
    INSERT INTO group_session (session_id, group_id, session_date) VALUES ('X1', 'G1', '2025-03-03');
    INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason)
      VALUES ('E1', 'P1', 'S1', '2025-01-01', '2025-02-01', 'completed');
    INSERT INTO attendance VALUES ('X1', 'P1', 'present', 60);
  `);
});

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

/** Runs a statement in a savepoint and returns the violated constraint's name (or null). */
async function violation(sql: string): Promise<string | null> {
  await client.query('BEGIN');
  try {
    await client.query(sql);
    return null;
  } catch (error) {
    const e = error as { constraint?: string; code?: string; message: string };
    return e.constraint ?? e.code ?? e.message;
  } finally {
    await client.query('ROLLBACK');
  }
}

describe('the schema holds the contract', () => {
  it.each([
    [
      'an episode overlapping another of the same participant',
      `INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date) VALUES ('E2', 'P1', 'S1', '2025-02-01')`,
      'enrollment_no_overlap',
    ],
    [
      'a discharge date without a reason',
      `INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date) VALUES ('E3', 'P2', 'S1', '2025-01-01', '2025-01-05')`,
      'enrollment_reason_iff_discharged',
    ],
    [
      'a discharge before admission',
      `INSERT INTO enrollment VALUES ('E4', 'P2', 'S1', '2025-01-05', '2025-01-01', 'completed')`,
      'enrollment_discharge_after_admission',
    ],
    [
      'an unknown group type',
      `INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES ('G2', 'S1', 'yoga', 'x')`,
      'therapy_group_group_type_check',
    ],
    [
      'a group at an unknown site',
      `INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES ('G2', 'S9', 'process', 'x')`,
      'therapy_group_site_id_fkey',
    ],
    ['a key with surrounding spaces', `INSERT INTO site VALUES (' S2', 'x')`, 'entity_key_check'],
    ['a key longer than 64 characters', `INSERT INTO site VALUES ('${'k'.repeat(65)}', 'x')`, 'entity_key_check'],
    ['a rating with two decimals', `INSERT INTO feedback VALUES ('X1', 'P1', 9.25, 9, 9, 9)`, 'rating_0_10_check'],
    [
      'feedback without an attendance row',
      `INSERT INTO feedback VALUES ('X1', 'P2', 9, 9, 9, 9)`,
      'feedback_session_id_participant_id_fkey',
    ],
    [
      'more days used than the window',
      `INSERT INTO sobriety_checkin (participant_id, report_date, days_used) VALUES ('P1', '2025-01-08', 8)`,
      'sobriety_days_in_window',
    ],
    [
      'an unknown attendance status',
      `INSERT INTO attendance VALUES ('X1', 'P2', 'attended', 60)`,
      'attendance_status_check',
    ],
  ])('refuses %s', async (_what, sql, expected) => {
    expect(await violation(sql)).toBe(expected);
  });

  it.each([
    [
      'a later episode after discharge',
      `INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date) VALUES ('E5', 'P1', 'S1', '2025-02-02')`,
    ],
    ['a one-decimal rating', `INSERT INTO feedback VALUES ('X1', 'P1', 9.5, 10, 0, 7.1)`],
    [
      'a check-in with the default 7-day window',
      `INSERT INTO sobriety_checkin (participant_id, report_date, days_used) VALUES ('P1', '2025-01-08', 7)`,
    ],
  ])('accepts %s', async (_what, sql) => {
    expect(await violation(sql)).toBeNull();
  });
});

describe('migrations', () => {
  it('revert cleanly and apply again', async () => {
    const fresh = await createTestDatabase({ migrate: false });
    const ds = await createDataSource(fresh.url, { poolSize: 1 }).initialize();
    try {
      expect((await ds.runMigrations()).map((m) => m.name)).toEqual([
        'InitialSchema1764140000000',
        'UsersSessionsAudit1764150000000',
        'AuditOutcomeAfterAnswer1764280000000',
        'AuditArgumentsAndSites1764340000000',
        'RejectDetails1764350000000',
        'Releases1764400000000',
        'MappingProfiles1764450000000',
        'DerivedSchema1764600000000',
      ]);
      for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration();
      const left = await ds.query(
        `SELECT count(*)::int AS n FROM information_schema.tables
         WHERE table_schema IN ('public', 'derived') AND table_name <> 'schema_migration'`,
      );
      expect(left[0].n).toBe(0);
      expect(await ds.runMigrations()).toHaveLength(ds.migrations.length);
      expect(await ds.showMigrations()).toBe(false);
    } finally {
      await ds.destroy();
      await fresh.drop();
    }
  });
});
