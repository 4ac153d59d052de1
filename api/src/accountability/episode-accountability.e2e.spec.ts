import { runSql } from '../episodes/run-sql.testing';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';

// as_of 2026-01-31. ISO weeks by their Monday; 2025-12-29 is the Monday of ISO week 1 of 2026.
// A  P1 process, 2025-12-24 → 2026-01-23 completed
//    attendance: Dec 24 (week Dec 22), Dec 31 and Jan 2 (both week Dec 29, across the new year),
//                Jan 7 (week Jan 5), Jan 21 (week Jan 19); nothing in week Jan 12
//    → 4 active weeks: Dec 22, Dec 29, Jan 5, Jan 19
//    check-ins: Dec 26 (goal not rated), Dec 28 Sun (goal met) → week Dec 22
//               Jan 1 (not met) → week Dec 29;  Jan 13 (met) → week Jan 12, not active
//               Jan 25 Sun, after discharge but in the discharge week (met) → week Jan 19
//    → weeks with a check-in: Dec 22, Dec 29, Jan 19 = 3 of 4
//    goals inside the window (Dec 24 – Jan 23): Dec 28 met, Jan 1 not, Jan 13 met → 2 of 3
// K  P2 skills, 2026-01-05 open: attendance Jan 6 (week Jan 5), Jan 13 (week Jan 12), Feb 3 (after as_of)
//    check-ins Jan 6 (goal not met), Feb 4 (after as_of, met) → 1 of 2 weeks; goals 0 of 1
// L  P3 no attendance (no type), 2026-01-10 open: check-in Jan 12, goal met → no active week; goals 1 of 1
const FIXTURE = `
INSERT INTO site VALUES ('S1', 'North');
INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
  ('GP', 'S1', 'process', 'Process'), ('GS', 'S1', 'skills', 'Skills');
INSERT INTO participant (participant_id) VALUES ('P1'), ('P2'), ('P3');
INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason) VALUES
  ('A', 'P1', 'S1', '2025-12-24', '2026-01-23', 'completed'),
  ('K', 'P2', 'S1', '2026-01-05', NULL, NULL),
  ('L', 'P3', 'S1', '2026-01-10', NULL, NULL);
INSERT INTO group_session (session_id, group_id, session_date) VALUES
  ('P1224', 'GP', '2025-12-24'), ('P1231', 'GP', '2025-12-31'), ('P0102', 'GP', '2026-01-02'),
  ('P0107', 'GP', '2026-01-07'), ('P0121', 'GP', '2026-01-21'),
  ('S0106', 'GS', '2026-01-06'), ('S0113', 'GS', '2026-01-13'), ('S0203', 'GS', '2026-02-03');
INSERT INTO attendance (session_id, participant_id, status) VALUES
  ('P1224', 'P1', 'present'), ('P1231', 'P1', 'absent'), ('P0102', 'P1', 'excused'), ('P0107', 'P1', 'present'),
  ('P0121', 'P1', 'late'),
  ('S0106', 'P2', 'present'), ('S0113', 'P2', 'absent'), ('S0203', 'P2', 'present');
INSERT INTO sobriety_checkin (participant_id, report_date, days_used, goal_met) VALUES
  ('P1', '2025-12-26', 0, NULL), ('P1', '2025-12-28', 0, true), ('P1', '2026-01-01', 1, false),
  ('P1', '2026-01-13', 0, true), ('P1', '2026-01-25', 0, true),
  ('P2', '2026-01-06', 0, false), ('P2', '2026-02-04', 0, true),
  ('P3', '2026-01-12', 0, true);
`;

const QUERY = `query ($filter: MetricsFilter) {
  episodeAccountability(filter: $filter) {
    total { ...figures }
    byGroupType { ...figures }
  }
}
fragment figures on EpisodeAccountabilityFigures {
  groupType episodes episodesWithActiveWeeks episodesWithGoalRatings
  checkInAdherence { numerator denominator rate }
  goalAttainment { numerator denominator rate }
}`;

interface Figures {
  groupType: string | null;
  episodes: number;
  episodesWithActiveWeeks: number;
  episodesWithGoalRatings: number;
  checkInAdherence: { numerator: number; denominator: number; rate: number | null };
  goalAttainment: { numerator: number; denominator: number; rate: number | null };
}

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
  await runSql(api.db.url, FIXTURE);
});
afterAll(() => api?.close());

async function report(filter: Record<string, unknown>) {
  const { data, errors } = await api.graphql<{ episodeAccountability: { total: Figures; byGroupType: Figures[] } }>(
    QUERY,
    { filter: { asOf: '2026-01-31', ...filter } },
  );
  expect(errors).toBeUndefined();
  return data!.episodeAccountability;
}

describe('episode accountability over HTTP', () => {
  it('pools check-in adherence over active ISO weeks, across a year boundary', async () => {
    const { total, byGroupType } = await report({});
    // A 3 of 4 weeks, K 1 of 2 (L has no active week) → (3 + 1) / (4 + 2)
    expect(total).toMatchObject({
      episodes: 3,
      episodesWithActiveWeeks: 2,
      checkInAdherence: { numerator: 4, denominator: 6, rate: 4 / 6 },
    });
    const process = byGroupType.find((f) => f.groupType === 'process')!;
    const skills = byGroupType.find((f) => f.groupType === 'skills')!;
    expect(process.checkInAdherence).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(skills.checkInAdherence).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(byGroupType.find((f) => f.groupType === 'family')).toMatchObject({
      episodes: 0,
      checkInAdherence: { numerator: 0, denominator: 0, rate: null },
    });
  });

  it('takes goal attainment over rated check-ins inside the episode window', async () => {
    const { total, byGroupType } = await report({});
    // A 2 of 3, K 0 of 1, L 1 of 1 → 3 of 5
    expect(total).toMatchObject({
      episodesWithGoalRatings: 3,
      goalAttainment: { numerator: 3, denominator: 5, rate: 0.6 },
    });
    expect(byGroupType.find((f) => f.groupType === 'process')!.goalAttainment).toEqual({
      numerator: 2,
      denominator: 3,
      rate: 2 / 3,
    });
    expect(byGroupType.find((f) => f.groupType === 'skills')!.goalAttainment).toEqual({
      numerator: 0,
      denominator: 1,
      rate: 0,
    });
  });

  it('keeps only the filtered group types, without the episode that has none', async () => {
    const { total, byGroupType } = await report({ groupTypes: ['skills'] });
    expect(byGroupType.map((f) => f.groupType)).toEqual(['skills']);
    expect(total).toMatchObject({
      episodes: 1,
      checkInAdherence: { numerator: 1, denominator: 2 },
      goalAttainment: { numerator: 0, denominator: 1 },
    });
  });
});
