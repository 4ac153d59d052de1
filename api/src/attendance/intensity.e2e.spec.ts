import { proportionOf, runFixtureSql } from '../sessions-scope/fixture.testing';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';

// Hours of a row: minutes_attended when given, else the session's duration for an attended row,
// 0 for absent or excused, unknown when neither. One site; process group G1, skills group G2.
// P4 has two episodes in the same ISO week 2025-W01: E4a to 2024-12-31, E4b from 2025-01-02.
// Session B3 has no duration.
const FIXTURE = `
  INSERT INTO site VALUES ('S1', 'North');
  INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
    ('G1', 'S1', 'process', 'Process'), ('G2', 'S1', 'skills', 'Skills');
  INSERT INTO participant (participant_id) VALUES ('P1'), ('P2'), ('P3'), ('P4');
  INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason) VALUES
    ('E1', 'P1', 'S1', '2024-12-01', NULL, NULL), ('E2', 'P2', 'S1', '2024-12-01', NULL, NULL),
    ('E3', 'P3', 'S1', '2024-12-01', NULL, NULL),
    ('E4a', 'P4', 'S1', '2024-12-01', '2024-12-31', 'transferred'), ('E4b', 'P4', 'S1', '2025-01-02', NULL, NULL);
  INSERT INTO group_session (session_id, group_id, session_date, duration_minutes) VALUES
    ('A1', 'G1', '2024-12-23', 180), ('A2', 'G2', '2024-12-24', 180), ('A3', 'G1', '2024-12-26', 180),
    ('A4', 'G2', '2024-12-27', 180),
    ('B1', 'G1', '2024-12-30', 180), ('B2', 'G2', '2024-12-31', 180), ('B3', 'G1', '2025-01-02', NULL),
    ('B4', 'G2', '2025-01-03', 240),
    ('C1', 'G1', '2025-01-06', 180);
  INSERT INTO attendance (session_id, participant_id, status, minutes_attended) VALUES
    ('A1', 'P1', 'present', NULL), ('A2', 'P1', 'present', 170), ('A3', 'P1', 'late', NULL), ('A4', 'P1', 'absent', NULL),
    ('B1', 'P1', 'present', NULL), ('B2', 'P1', 'present', NULL), ('B3', 'P1', 'present', NULL), ('B4', 'P1', 'absent', NULL),
    ('C1', 'P1', 'absent', NULL),
    ('A1', 'P2', 'present', 200), ('A2', 'P2', 'present', NULL), ('A3', 'P2', 'present', NULL), ('A4', 'P2', 'excused', NULL),
    ('B1', 'P2', 'excused', NULL), ('B2', 'P2', 'excused', NULL), ('B3', 'P2', 'present', 100),
    ('B1', 'P3', 'excused', NULL), ('B2', 'P3', 'excused', NULL), ('C1', 'P3', 'present', 100),
    ('B1', 'P4', 'present', NULL), ('B2', 'P4', 'left_early', 400),
    ('B3', 'P4', 'absent', NULL), ('B4', 'P4', 'present', NULL), ('C1', 'P4', 'present', NULL);
`;

const FIGURES = `{ participantWeeks unknownHoursWeeks intensityMet { numerator denominator rate } }`;
const QUERY = `query ($filter: MetricsFilter) { attendanceIntensity(filter: $filter) {
  total ${FIGURES}
  byGroupType { groupType figures ${FIGURES} }
  byWeek { weekStart isoWeek total ${FIGURES} byGroupType { groupType figures ${FIGURES} } }
} }`;

interface Figures {
  participantWeeks: number;
  unknownHoursWeeks: number;
  intensityMet: Record<string, number | null>;
}
interface Report {
  total: Figures;
  byGroupType: { groupType: string; figures: Figures }[];
  byWeek: {
    weekStart: string;
    isoWeek: string;
    total: Figures;
    byGroupType: { groupType: string; figures: Figures }[];
  }[];
}

const figures = (weeks: number, unknown: number, met: number) => ({
  participantWeeks: weeks,
  unknownHoursWeeks: unknown,
  intensityMet: proportionOf(met, weeks - unknown),
});

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
  await runFixtureSql(api.db.url, FIXTURE);
});
afterAll(() => api?.close());

async function intensity(filter: Record<string, unknown>): Promise<Report> {
  const { data, errors } = await api.graphql<{ attendanceIntensity: Report }>(QUERY, { filter });
  expect(errors).toBeUndefined();
  return data!.attendanceIntensity;
}

// Participant-weeks over all group types (minutes):
//   2024-W52  E1: A1 180 (duration) + A2 170 (minutes, not the 180 duration) + A3 180 + A4 absent 0
//                 = 530 < 540: not met (with the duration instead of minutes it would be 540).
//             E2: A1 200 + A2 180 + A3 180 + A4 excused 0 = 560: met.
//   2025-W01  E1: B1 180 + B2 180 + B3 unknown (no minutes, no duration) + B4 0: left out.
//             E2: B1, B2 excused + B3 100 (minutes given, no duration needed) = 100: not met.
//             E3: only excused rows: not a participant-week.
//             E4a: B1 180 + B2 400 = 580: met.  E4b: B3 absent 0 (known) + B4 240 = 240: not met.
//   2025-W02  E1: C1 absent 0; E3: C1 100; E4b: C1 180: none met.
// Total: 2 + 4 + 3 = 9 weeks, 1 unknown, met 2 of 8.
describe('attendanceIntensity over HTTP', () => {
  it('counts episode-weeks, prefers minutes to duration, and leaves weeks with unknown hours out', async () => {
    const report = await intensity({ asOf: '2025-01-12' });
    expect(report.total).toEqual(figures(9, 1, 2));
    expect(report.byWeek.map((w) => [w.weekStart, w.isoWeek, w.total])).toEqual([
      ['2024-12-23', '2024-W52', figures(2, 0, 1)],
      ['2024-12-30', '2025-W01', figures(4, 1, 1)],
      ['2025-01-06', '2025-W02', figures(3, 0, 0)],
    ]);
  });

  it('forms the week of a group type from that type’s rows only', async () => {
    const report = await intensity({ asOf: '2025-01-12', groupTypes: ['skills', 'process'] });
    // process (A1, A3, B1, B3, C1): W52 E1 360, E2 380; W01 E1 unknown (B3), E2 100, E3 excused
    // only (no week), E4a 180, E4b 0; W02 E1 0, E3 100, E4b 180: 9 weeks, 1 unknown, none met.
    // skills (A2, A4, B2, B4): W52 E1 170, E2 180; W01 E1 180, E2 and E3 excused only, E4a 400,
    // E4b 240: 5 weeks, none met. Neither type alone reaches 9 hours in any week.
    expect(report.byGroupType).toEqual([
      { groupType: 'skills', figures: figures(5, 0, 0) },
      { groupType: 'process', figures: figures(9, 1, 0) },
    ]);
    expect(report.byWeek[1].byGroupType).toEqual([
      { groupType: 'skills', figures: figures(3, 0, 0) },
      { groupType: 'process', figures: figures(4, 1, 0) },
    ]);
  });

  it('forms weeks at the period edges from the rows in the period only', async () => {
    // 2024-12-31 to 2025-01-05 drops B1 (Monday 2024-12-30): E1 B2 180 + B3 unknown: left out;
    // E2 B3 100; E3 excused only; E4a B2 400 < 540: not met any more; E4b 240.
    // 4 weeks (E1, E2, E4a, E4b), 1 unknown, none met.
    const report = await intensity({ from: '2024-12-31', to: '2025-01-05', asOf: '2025-01-12' });
    expect(report.total).toEqual(figures(4, 1, 0));
  });
});
