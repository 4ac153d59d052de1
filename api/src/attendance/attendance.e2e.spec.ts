import { wilson } from '../stats';
import { proportionOf, runFixtureSql } from '../sessions-scope/fixture.testing';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';

// Two sites; process groups G1 (S1) and G3 (S2), skills group G2 (S1). Three ISO weeks, one of
// them across the year boundary: 2024-12-30 is the Monday of 2025-W01. X9 lies after the as-of
// date used below (2025-01-12).
const FIXTURE = `
  INSERT INTO site VALUES ('S1', 'North'), ('S2', 'South');
  INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
    ('G1', 'S1', 'process', 'Process North'), ('G2', 'S1', 'skills', 'Skills North'),
    ('G3', 'S2', 'process', 'Process South');
  INSERT INTO participant (participant_id) VALUES ('P1'), ('P2'), ('P3'), ('P4');
  INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason) VALUES
    ('E1', 'P1', 'S1', '2024-12-01', NULL, NULL), ('E2', 'P2', 'S1', '2024-12-01', NULL, NULL),
    ('E3', 'P3', 'S2', '2024-12-01', NULL, NULL), ('E4', 'P4', 'S1', '2024-12-01', NULL, NULL);
  INSERT INTO group_session (session_id, group_id, session_date, duration_minutes) VALUES
    ('X1', 'G1', '2024-12-23', 180), ('X2', 'G2', '2024-12-24', 180),
    ('X3', 'G1', '2024-12-30', 180), ('X4', 'G2', '2024-12-31', 180), ('X5', 'G1', '2025-01-02', 180),
    ('X6', 'G3', '2025-01-03', 120),
    ('X7', 'G1', '2025-01-06', 180), ('X8', 'G3', '2025-01-07', 120),
    ('X9', 'G1', '2025-01-20', 180);
  INSERT INTO attendance (session_id, participant_id, status) VALUES
    ('X1', 'P1', 'present'), ('X1', 'P2', 'absent'), ('X1', 'P4', 'excused'),
    ('X2', 'P1', 'late'), ('X2', 'P2', 'present'), ('X2', 'P4', 'present'),
    ('X3', 'P1', 'present'), ('X3', 'P2', 'left_early'), ('X3', 'P4', 'absent'),
    ('X4', 'P1', 'present'), ('X4', 'P2', 'excused'), ('X4', 'P4', 'present'),
    ('X5', 'P1', 'present'), ('X5', 'P2', 'present'), ('X5', 'P4', 'absent'),
    ('X6', 'P3', 'present'),
    ('X7', 'P1', 'absent'), ('X7', 'P2', 'present'), ('X7', 'P4', 'present'),
    ('X8', 'P3', 'absent'),
    ('X9', 'P1', 'present');
`;

const FIGURES = `{ scheduled attended present late leftEarly absent excused nonExcused
  attendanceRate { numerator denominator rate lower upper } noShowRate { numerator denominator rate } }`;
const QUERY = `query ($filter: MetricsFilter) { attendance(filter: $filter) {
  scope { from to asOf siteIds groupTypes }
  total ${FIGURES}
  byGroupType { groupType figures ${FIGURES} }
  byWeek { weekStart isoWeek total ${FIGURES} byGroupType { groupType figures ${FIGURES} } }
  bySite { siteId siteName figures ${FIGURES} }
  byGroup { groupId groupName groupType siteId figures ${FIGURES} }
} }`;

interface Figures {
  scheduled: number;
  attended: number;
  present: number;
  late: number;
  leftEarly: number;
  absent: number;
  excused: number;
  nonExcused: number;
  attendanceRate: Record<string, number | null>;
  noShowRate: Record<string, number | null>;
}
interface Cell {
  groupType?: string;
  figures: Figures;
}
interface Report {
  scope: Record<string, unknown>;
  total: Figures;
  byGroupType: Cell[];
  byWeek: { weekStart: string; isoWeek: string; total: Figures; byGroupType: Cell[] }[];
  bySite: (Cell & { siteId: string; siteName: string })[];
  byGroup: (Cell & { groupId: string; groupName: string; siteId: string })[];
}

/** Expected figures from status counts: [present, late, left_early, absent, excused]. */
function figures([present, late, leftEarly, absent, excused]: number[]): Record<string, unknown> {
  const attended = present + late + leftEarly;
  const scheduled = attended + absent + excused;
  return {
    scheduled,
    attended,
    present,
    late,
    leftEarly,
    absent,
    excused,
    nonExcused: scheduled - excused,
    attendanceRate: expect.objectContaining(proportionOf(attended, scheduled - excused)),
    noShowRate: proportionOf(absent, scheduled - excused),
  };
}
const ZERO = figures([0, 0, 0, 0, 0]);

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
  await runFixtureSql(api.db.url, FIXTURE);
});
afterAll(() => api?.close());

async function attendance(filter: Record<string, unknown>): Promise<Report> {
  const { data, errors } = await api.graphql<{ attendance: Report }>(QUERY, { filter });
  expect(errors).toBeUndefined();
  return data!.attendance;
}

describe('attendance over HTTP', () => {
  it('counts the rows up to as-of and leaves excused rows out of both denominators', async () => {
    const report = await attendance({ asOf: '2025-01-12' });
    // 20 rows up to 2025-01-12 (X9 is later): present X1P1 X2P2 X2P4 X3P1 X4P1 X4P4 X5P1 X5P2 X6P3
    // X7P2 X7P4 = 11; late X2P1 = 1; left_early X3P2 = 1; absent X1P2 X3P4 X5P4 X7P1 X8P3 = 5;
    // excused X1P4 X4P2 = 2. attended 13, non-excused 20 − 2 = 18: rate 13/18, no-show 5/18.
    expect(report.total).toEqual(figures([11, 1, 1, 5, 2]));
    const w = wilson(13, 18);
    expect(report.total.attendanceRate.lower).toBeCloseTo(w.lower!, 12);
    expect(report.total.attendanceRate.upper).toBeCloseTo(w.upper!, 12);
    expect(report.scope).toEqual({
      from: '1900-01-01',
      to: '2025-01-12',
      asOf: '2025-01-12',
      siteIds: null,
      groupTypes: ['psychoeducation', 'skills', 'process', 'trauma_informed', 'family'],
    });
  });

  it('breaks the rows down by group type, with every type listed', async () => {
    const report = await attendance({ asOf: '2025-01-12' });
    expect(report.byGroupType).toEqual([
      { groupType: 'psychoeducation', figures: ZERO },
      // G2: X2 (late, present, present) and X4 (present, excused, present): 5 attended of 6 − 1.
      { groupType: 'skills', figures: figures([4, 1, 0, 0, 1]) },
      // G1 + G3: present X1P1 X3P1 X5P1 X5P2 X6P3 X7P2 X7P4 = 7, left_early 1, absent 5, excused
      // X1P4: attended 8 of 14 − 1 = 13.
      { groupType: 'process', figures: figures([7, 0, 1, 5, 1]) },
      { groupType: 'trauma_informed', figures: ZERO },
      { groupType: 'family', figures: ZERO },
    ]);
  });

  it('serves ISO weeks labelled by their Monday, across the year boundary', async () => {
    const report = await attendance({ asOf: '2025-01-12', groupTypes: ['process', 'skills'] });
    expect(report.byWeek.map((w) => [w.weekStart, w.isoWeek])).toEqual([
      ['2024-12-23', '2024-W52'],
      ['2024-12-30', '2025-W01'], // Monday 2024-12-30 to Sunday 2025-01-05
      ['2025-01-06', '2025-W02'],
    ]);
    // Week of 2024-12-23: X1 (present, absent, excused) + X2 (late, present, present): 4 of 5.
    expect(report.byWeek[0].total).toEqual(figures([3, 1, 0, 1, 1]));
    // 2025-W01: X3 (present, left_early, absent), X4 (present, excused, present), X5 (present,
    // present, absent), X6 (present): 6 present + 1 left early = 7 attended of 10 − 1 = 9.
    expect(report.byWeek[1].total).toEqual(figures([6, 0, 1, 2, 1]));
    expect(report.byWeek[1].byGroupType).toEqual([
      { groupType: 'skills', figures: figures([2, 0, 0, 0, 1]) }, // X4
      { groupType: 'process', figures: figures([4, 0, 1, 2, 0]) }, // X3, X5, X6: 5 of 7
    ]);
    // 2025-W02: X7 (absent, present, present) + X8 (absent): 2 of 4.
    expect(report.byWeek[2].total).toEqual(figures([2, 0, 0, 2, 0]));
    expect(report.byWeek[2].byGroupType[0]).toEqual({ groupType: 'skills', figures: ZERO });
  });

  it('serves every site and every group with rows in scope', async () => {
    const report = await attendance({ asOf: '2025-01-12' });
    expect(report.bySite).toEqual([
      // S1 = G1 + G2: all rows but X6P3 (present) and X8P3 (absent): 12 attended of 18 − 2.
      { siteId: 'S1', siteName: 'North', figures: figures([10, 1, 1, 4, 2]) },
      { siteId: 'S2', siteName: 'South', figures: figures([1, 0, 0, 1, 0]) }, // 1 of 2
    ]);
    expect(report.byGroup).toEqual([
      // G1: X1, X3, X5, X7: present 6, left early 1, absent 4, excused 1: 7 of 11.
      {
        groupId: 'G1',
        groupName: 'Process North',
        groupType: 'process',
        siteId: 'S1',
        figures: figures([6, 0, 1, 4, 1]),
      },
      {
        groupId: 'G2',
        groupName: 'Skills North',
        groupType: 'skills',
        siteId: 'S1',
        figures: figures([4, 1, 0, 0, 1]),
      },
      {
        groupId: 'G3',
        groupName: 'Process South',
        groupType: 'process',
        siteId: 'S2',
        figures: figures([1, 0, 0, 1, 0]),
      },
    ]);
  });

  it('takes the latest date in the data as the default as-of, and ignores rows after a given as-of', async () => {
    // Default as-of = 2025-01-20 (X9): X9P1 present joins: 14 attended of 19.
    expect((await attendance({})).total).toEqual(figures([12, 1, 1, 5, 2]));
    // as-of 2025-01-06: X8 (2025-01-07, absent) drops out: 13 attended of 17.
    expect((await attendance({ asOf: '2025-01-06' })).total).toEqual(figures([11, 1, 1, 4, 2]));
  });

  it('filters by period, site and group type', async () => {
    // X3 and X4 only: present X3P1 X4P1 X4P4, left early X3P2, absent X3P4, excused X4P2: 4 of 5.
    const period = await attendance({ from: '2024-12-30', to: '2024-12-31', asOf: '2025-01-12' });
    expect(period.total).toEqual(figures([3, 0, 1, 1, 1]));
    expect(period.byWeek.map((w) => w.weekStart)).toEqual(['2024-12-30']);

    const south = await attendance({ siteIds: ['S2'], asOf: '2025-01-12' });
    expect(south.total).toEqual(figures([1, 0, 0, 1, 0]));
    expect(south.byGroup.map((g) => g.groupId)).toEqual(['G3']);

    const skills = await attendance({ groupTypes: ['skills'], asOf: '2025-01-12' });
    expect(skills.total).toEqual(figures([4, 1, 0, 0, 1]));
    expect(skills.byGroupType.map((c) => c.groupType)).toEqual(['skills']);
    expect(skills.bySite.map((s) => s.siteId)).toEqual(['S1']);
  });

  it('serves zeros and null rates for a scope without rows', async () => {
    const report = await attendance({ siteIds: ['nowhere'], asOf: '2025-01-12' });
    expect(report.total).toEqual(ZERO);
    expect(report.total.attendanceRate).toEqual({ numerator: 0, denominator: 0, rate: null, lower: null, upper: null });
    expect(report.byWeek).toEqual([]);
    expect(report.bySite).toEqual([]);
  });

  it('refuses an invalid filter with a message naming the field', async () => {
    const { data, errors } = await api.graphql(QUERY, { filter: { from: '2025-02-30', to: '2025-01-01' } });
    expect(data).toBeNull();
    expect(errors?.[0].message).toBe('Invalid filter: from must be a date written YYYY-MM-DD (got "2025-02-30")');
    const reversed = await api.graphql(QUERY, { filter: { from: '2025-02-01', to: '2025-01-01' } });
    expect(reversed.errors?.[0].message).toBe('Invalid filter: from (2025-02-01) is after to (2025-01-01)');
  });
});
