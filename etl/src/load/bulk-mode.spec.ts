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
