import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { runSql } from './run-sql.testing';

// The shared episode scope, seen through the retention query's episode counts.
// Sites S1 and S2; as_of 2025-02-28 unless stated.
//   A  P1 S1 2025-01-06  process Jan 10 + Jan 17, skills Jan 8 + Jan 20: 2 rows each, skills starts
//                        first → skills
//   B  P2 S1 2025-01-06  family Jan 8, process Jan 8: same count, same first date → family (alphabetical)
//   C  P3 S1 2025-01-06  process ×3 (present, absent, excused), skills ×1 earlier → process (any status counts)
//   D0 P4 S1 2024-11-01 to 2024-12-31 completed, skills ×3 in December → skills
//   D  P4 S1 2025-01-06  process ×1; P4's December rows are outside this window → process
//   E  P5 S2 2025-01-06  trauma_informed ×1
//   F  P6 S2 2025-01-06  no attendance → no primary type
const FIXTURE = `
INSERT INTO site VALUES ('S1', 'North'), ('S2', 'South');
INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
  ('GP', 'S1', 'process', 'Process'), ('GS', 'S1', 'skills', 'Skills'), ('GF', 'S1', 'family', 'Family'),
  ('GT', 'S2', 'trauma_informed', 'Trauma');
INSERT INTO participant (participant_id) SELECT 'P' || i FROM generate_series(1, 6) i;
INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason) VALUES
  ('A', 'P1', 'S1', '2025-01-06', NULL, NULL), ('B', 'P2', 'S1', '2025-01-06', NULL, NULL),
  ('C', 'P3', 'S1', '2025-01-06', NULL, NULL), ('D0', 'P4', 'S1', '2024-11-01', '2024-12-31', 'completed'),
  ('D', 'P4', 'S1', '2025-01-06', NULL, NULL), ('E', 'P5', 'S2', '2025-01-06', NULL, NULL),
  ('F', 'P6', 'S2', '2025-01-06', NULL, NULL);
INSERT INTO group_session (session_id, group_id, session_date) VALUES
  ('P-0107', 'GP', '2025-01-07'), ('P-0108', 'GP', '2025-01-08'), ('P-0110', 'GP', '2025-01-10'),
  ('P-0114', 'GP', '2025-01-14'), ('P-0117', 'GP', '2025-01-17'),
  ('S-0106', 'GS', '2025-01-06'), ('S-0108', 'GS', '2025-01-08'), ('S-0120', 'GS', '2025-01-20'),
  ('S-1202', 'GS', '2024-12-02'), ('S-1209', 'GS', '2024-12-09'), ('S-1216', 'GS', '2024-12-16'),
  ('F-0108', 'GF', '2025-01-08'), ('T-0109', 'GT', '2025-01-09');
INSERT INTO attendance (session_id, participant_id, status) VALUES
  ('P-0110', 'P1', 'present'), ('P-0117', 'P1', 'absent'), ('S-0108', 'P1', 'excused'), ('S-0120', 'P1', 'present'),
  ('F-0108', 'P2', 'present'), ('P-0108', 'P2', 'present'),
  ('P-0107', 'P3', 'present'), ('P-0110', 'P3', 'absent'), ('P-0114', 'P3', 'excused'), ('S-0106', 'P3', 'present'),
  ('S-1202', 'P4', 'present'), ('S-1209', 'P4', 'present'), ('S-1216', 'P4', 'present'), ('P-0110', 'P4', 'late'),
  ('T-0109', 'P5', 'present');
`;

const QUERY = `query ($filter: MetricsFilter) {
  retention(filter: $filter) { total { episodes } byGroupType { groupType episodes } }
}`;

interface Counts {
  retention: { total: { episodes: number }; byGroupType: { groupType: string; episodes: number }[] };
}

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
  await runSql(api.db.url, FIXTURE);
});
afterAll(() => api?.close());

async function counts(filter: Record<string, unknown>): Promise<Record<string, number>> {
  const { data, errors } = await api.graphql<Counts>(QUERY, { filter: { asOf: '2025-02-28', ...filter } });
  expect(errors).toBeUndefined();
  const { total, byGroupType } = data!.retention;
  return { total: total.episodes, ...Object.fromEntries(byGroupType.map((g) => [g.groupType, g.episodes])) };
}

describe('the episode scope', () => {
  it('gives each episode its primary group type, breaking ties by first session, then by code', async () => {
    expect(await counts({ from: '2025-01-01' })).toEqual({
      total: 6, // A B C D E F: F (no attendance) is in the total only
      psychoeducation: 0,
      skills: 1, // A: 2–2 tie, skills' first session (Jan 8) is earlier than process's (Jan 10)
      process: 2, // C (3 rows of any status against 1), D (December rows belong to D0)
      trauma_informed: 1, // E
      family: 1, // B: 1–1 tie on the same day, "family" < "process"
    });
  });

  it('takes episodes admitted in [from, to]', async () => {
    // From 2024: D0 (skills, its December rows) joins.
    expect(await counts({ from: '2024-01-01' })).toMatchObject({ total: 7, skills: 2, process: 2 });
    expect(await counts({ from: '2024-01-01', to: '2024-12-31' })).toMatchObject({ total: 1, skills: 1 });
  });

  it('ignores rows after as_of when choosing the primary type', async () => {
    // At as_of Jan 9, A has only its skills row of Jan 8, C only its process row of Jan 7 and
    // skills row of Jan 6 (1–1, skills first), B still ties on Jan 8 (family), D has no row yet.
    expect(await counts({ from: '2025-01-01', asOf: '2025-01-09' })).toEqual({
      total: 6,
      psychoeducation: 0,
      skills: 2, // A, C
      process: 0,
      trauma_informed: 1, // E's row is on as_of itself
      family: 1,
    });
  });

  it('filters by the site of the episode', async () => {
    expect(await counts({ from: '2025-01-01', siteIds: ['S2'] })).toEqual({
      total: 2, // E and F
      psychoeducation: 0,
      skills: 0,
      process: 0,
      trauma_informed: 1,
      family: 0,
    });
  });

  it('filters by primary group type, leaving out episodes without one', async () => {
    // Only the listed types are broken down, in the fixed order; F has no type and is dropped.
    expect(await counts({ from: '2025-01-01', groupTypes: ['family', 'process'] })).toEqual({
      total: 3, // B C D
      process: 2,
      family: 1,
    });
    expect(await counts({ from: '2025-01-01', groupTypes: ['process'], siteIds: ['S2'] })).toEqual({
      total: 0,
      process: 0,
    });
  });

  it('refuses an impossible date and a period that ends before it starts', async () => {
    const bad = await api.graphql(QUERY, { filter: { from: '2025-02-30' } });
    expect(bad.data).toBeNull();
    expect(bad.errors?.[0].message).toBe('Invalid filter: from must be a date written YYYY-MM-DD (got "2025-02-30")');
    const reversed = await api.graphql(QUERY, { filter: { from: '2025-03-01', to: '2025-01-01' } });
    expect(reversed.errors?.[0].message).toBe('Invalid filter: from (2025-03-01) is after to (2025-01-01)');
  });
});
