import { runSql } from '../episodes/run-sql.testing';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';

// Period 2025-03-01 to 2025-03-31 (31 days) → previous period 2025-01-29 to 2025-02-28; as_of 2025-04-15.
//   O1 P1 S1 process  2025-02-05 → 2025-03-10 completed   admitted previous, discharged current
//   O2 P2 S1 skills   2025-03-03 open                      admitted current
//   O3 P3 S1 process  2025-01-10 → 2025-02-20 dropped_out  discharged previous
//   O4 P4 S2 family   2025-03-20 → 2025-04-20 (after as_of: open)
//   O5 P5 S1 none     2025-01-01 → 2025-01-20              before both periods: counts nowhere
//   O6 P1 S1 none     2025-03-25 open                      P1's second episode
//   O7 P6 S1 none     2025-04-10 open                      after the period
// Sessions: process Jan 11, Feb 6, Mar 12, Apr 20; skills Feb 27, Mar 4, Mar 18; family (S2) Mar 21.
const FIXTURE = `
INSERT INTO site VALUES ('S1', 'North'), ('S2', 'South');
INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
  ('GP', 'S1', 'process', 'Process'), ('GS', 'S1', 'skills', 'Skills'), ('GF', 'S2', 'family', 'Family');
INSERT INTO participant (participant_id) SELECT 'P' || i FROM generate_series(1, 6) i;
INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason) VALUES
  ('O1', 'P1', 'S1', '2025-02-05', '2025-03-10', 'completed'),
  ('O2', 'P2', 'S1', '2025-03-03', NULL, NULL),
  ('O3', 'P3', 'S1', '2025-01-10', '2025-02-20', 'dropped_out'),
  ('O4', 'P4', 'S2', '2025-03-20', '2025-04-20', 'completed'),
  ('O5', 'P5', 'S1', '2025-01-01', '2025-01-20', 'completed'),
  ('O6', 'P1', 'S1', '2025-03-25', NULL, NULL),
  ('O7', 'P6', 'S1', '2025-04-10', NULL, NULL);
INSERT INTO group_session (session_id, group_id, session_date) VALUES
  ('P0111', 'GP', '2025-01-11'), ('P0206', 'GP', '2025-02-06'), ('P0312', 'GP', '2025-03-12'), ('P0420', 'GP', '2025-04-20'),
  ('S0227', 'GS', '2025-02-27'), ('S0304', 'GS', '2025-03-04'), ('S0318', 'GS', '2025-03-18'),
  ('F0321', 'GF', '2025-03-21');
INSERT INTO attendance (session_id, participant_id, status) VALUES
  ('P0206', 'P1', 'present'), ('S0304', 'P2', 'present'), ('P0111', 'P3', 'present'), ('F0321', 'P4', 'present');
`;

const QUERY = `query ($filter: MetricsFilter) {
  programOverview(filter: $filter) {
    period { from to } previousPeriod { from to } comparison previousHasData asOf
    admissions { current previous }
    discharges { current previous }
    openEpisodes { current previous }
    participantsServed { current previous }
    sessionsHeld { groupType current previous }
    sessionsHeldByGroupType { groupType current previous }
  }
}`;

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
  await runSql(api.db.url, FIXTURE);
});
afterAll(() => api?.close());

async function overview(filter: Record<string, unknown>) {
  const { data, errors } = await api.graphql<{ programOverview: Record<string, unknown> }>(QUERY, {
    filter: { from: '2025-03-01', to: '2025-03-31', asOf: '2025-04-15', ...filter },
  });
  expect(errors).toBeUndefined();
  return data!.programOverview;
}

const c = (current: number, previous: number) => ({ current, previous });

describe('program overview over HTTP', () => {
  it('sets each figure beside the same figure of the previous period', async () => {
    expect(await overview({})).toEqual({
      period: { from: '2025-03-01', to: '2025-03-31' },
      previousPeriod: { from: '2025-01-29', to: '2025-02-28' },
      comparison: 'the same number of days just before',
      previousHasData: true,
      asOf: '2025-04-15',
      admissions: c(3, 1), // O2 O4 O6 | O1
      discharges: c(1, 1), // O1 | O3 (O4's discharge is after as_of)
      openEpisodes: c(3, 1), // at Mar 31: O2 O4 O6 | at Feb 28: O1
      participantsServed: c(3, 2), // P1 (O1, O6) P2 P4 | P1 P3
      sessionsHeld: { groupType: null, ...c(4, 2) },
      sessionsHeldByGroupType: [
        { groupType: 'psychoeducation', ...c(0, 0) },
        { groupType: 'skills', ...c(2, 1) }, // Mar 4, Mar 18 | Feb 27
        { groupType: 'process', ...c(1, 1) }, // Mar 12 | Feb 6 (Apr 20 is after the period and as_of)
        { groupType: 'trauma_informed', ...c(0, 0) },
        { groupType: 'family', ...c(1, 0) },
      ],
    });
  });

  it('compares with the previous calendar month when asked (March against 1–28 February)', async () => {
    expect(await overview({ comparison: 'calendar' })).toMatchObject({
      previousPeriod: { from: '2025-02-01', to: '2025-02-28' },
      comparison: 'the previous month',
      previousHasData: true,
      admissions: c(3, 1), // | O1 (Feb 5)
      discharges: c(1, 1), // | O3 (Feb 20)
      openEpisodes: c(3, 1), // | at Feb 28: O1
      participantsServed: c(3, 2), // | P1 (O1) P3 (O3 open to Feb 20)
      sessionsHeld: { groupType: null, ...c(4, 2) }, // | Feb 6, Feb 27
    });
  });

  it('compares with the same dates a year earlier, and says when that period holds no data', async () => {
    expect(await overview({ comparison: 'yearEarlier' })).toMatchObject({
      previousPeriod: { from: '2024-03-01', to: '2024-03-31' },
      comparison: 'the same dates a year earlier',
      previousHasData: false,
      admissions: c(3, 0),
      participantsServed: c(3, 0),
      sessionsHeld: { groupType: null, ...c(4, 0) },
    });
  });

  it('refuses a comparison it does not know, naming the choices', async () => {
    const { errors } = await api.graphql(QUERY, { filter: { comparison: 'lastWeek' } });
    expect(errors?.[0].message).toMatch(/ComparisonKind/);
  });

  it('filters by site', async () => {
    expect(await overview({ siteIds: ['S1'] })).toMatchObject({
      admissions: c(2, 1), // O4 is at S2
      openEpisodes: c(2, 1),
      participantsServed: c(2, 2),
      sessionsHeld: { groupType: null, ...c(3, 2) }, // the family group is at S2
    });
  });

  it('filters by group type: episodes by their primary type, sessions by their group', async () => {
    expect(await overview({ groupTypes: ['process'] })).toMatchObject({
      admissions: c(0, 1), // O1
      discharges: c(1, 1), // O1 | O3
      openEpisodes: c(0, 1),
      participantsServed: c(1, 2),
      sessionsHeld: { groupType: null, ...c(1, 1) },
      sessionsHeldByGroupType: [{ groupType: 'process', ...c(1, 1) }],
    });
  });
});
