import type { PoolClient } from 'pg';
import { openTestClient } from '@iop/db';
import { bulkModeWanted, BULK_MIN_ROWS, withoutRowByRowConstraints } from './bulk-mode';

let client: PoolClient;
let close: () => Promise<void>;

const constraintsOf = async (table: string) =>
  (
    await client.query<{ conname: string }>(
      `SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('f', 'x') ORDER BY conname`,
      [table],
    )
  ).rows.map((r) => r.conname);

const indexesOf = async (table: string) =>
  (
    await client.query<{ name: string }>(
      `SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = $1::regclass ORDER BY 1`,
      [table],
    )
  ).rows.map((r) => r.name);

const referencing = async (table: string) =>
  (
    await client.query<{ conname: string }>(
      `SELECT conname FROM pg_constraint WHERE confrelid = $1::regclass AND contype = 'f' ORDER BY conname`,
      [table],
    )
  ).rows.map((r) => r.conname);

beforeAll(async () => {
  ({ client, close } = await openTestClient());
  await client.query(`INSERT INTO site VALUES ('S1', 'North'); INSERT INTO participant (participant_id) VALUES ('P1')`);
});

afterAll(() => close?.());

beforeEach(() => client.query('BEGIN'));
afterEach(() => client.query('ROLLBACK'));

describe('bulk mode', () => {
  it('is for large files that are a good part of their table, unless turned off', async () => {
    expect(await bulkModeWanted(client, 'attendance', BULK_MIN_ROWS - 1, 'auto')).toBe(false);
    expect(await bulkModeWanted(client, 'attendance', BULK_MIN_ROWS, 'auto')).toBe(true);
    expect(await bulkModeWanted(client, 'attendance', BULK_MIN_ROWS, 'off')).toBe(false);
    expect(await bulkModeWanted(client, 'attendance', 1, 'always')).toBe(true);
    expect(await bulkModeWanted(client, 'attendance', 0, 'always')).toBe(false);
  });

  it('drops the foreign keys and exclusion constraints for the work and puts the same ones back', async () => {
    const before = await constraintsOf('enrollment');
    expect(before).toEqual(['enrollment_no_overlap', 'enrollment_participant_id_fkey', 'enrollment_site_id_fkey']);
    const during = await withoutRowByRowConstraints(client, 'enrollment', () => constraintsOf('enrollment'));
    expect(during).toEqual({ result: [], bulk: true });
    expect(await constraintsOf('enrollment')).toEqual(before);
  });

  it("takes an empty table's keys and indexes off too, with the keys that reference it, and puts them back", async () => {
    const before = { indexes: await indexesOf('attendance'), referencing: await referencing('attendance') };
    expect(before).toEqual({
      indexes: ['attendance_participant_idx', 'attendance_pkey'],
      referencing: ['feedback_session_id_participant_id_fkey'],
    });
    const during = await withoutRowByRowConstraints(client, 'attendance', async () => ({
      indexes: await indexesOf('attendance'),
      referencing: await referencing('attendance'),
    }));
    expect(during).toEqual({ result: { indexes: [], referencing: [] }, bulk: true });
    expect({ indexes: await indexesOf('attendance'), referencing: await referencing('attendance') }).toEqual(before);
  });

  it('keeps the keys and indexes of a table that holds rows', async () => {
    await client.query(`INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date)
                        VALUES ('E1', 'P1', 'S1', '2025-01-01')`);
    const before = await indexesOf('enrollment');
    const during = await withoutRowByRowConstraints(client, 'enrollment', () => indexesOf('enrollment'));
    expect(during.result).toEqual(before.filter((name) => name !== 'enrollment_no_overlap'));
  });

  it('refuses duplicate keys when it builds the key again', async () => {
    await client.query(
      `INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES ('G1', 'S1', 'process', 'Monday process')`,
    );
    await expect(
      withoutRowByRowConstraints(client, 'group_session', () =>
        client.query(`INSERT INTO group_session (session_id, group_id, session_date)
                      VALUES ('X1', 'G1', '2025-01-01'), ('X1', 'G1', '2025-01-02')`),
      ),
    ).rejects.toThrow(/group_session_pkey|duplicate key/);
  });

  it('has nothing to do for a table without such constraints', async () => {
    expect(await withoutRowByRowConstraints(client, 'participant', async () => 1)).toEqual({ result: 1, bulk: false });
  });

  it('still refuses what the constraints forbid: re-adding them checks every row', async () => {
    await expect(
      withoutRowByRowConstraints(client, 'enrollment', () =>
        client.query(`INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date)
                      VALUES ('E1', 'P1', 'S1', '2025-01-01'), ('E2', 'P1', 'S1', '2025-02-01')`),
      ),
    ).rejects.toThrow(/enrollment_no_overlap/);
  });
});
