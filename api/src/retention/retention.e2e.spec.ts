import { runSql } from '../episodes/run-sql.testing';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';

// Hand-made program, as_of = 2025-04-30. Process group GP and skills group GS at site S1.
//   episode  admitted    discharged   reason        primary  t (days)  KM
//   E1       2025-01-01  2025-01-11   dropped_out   process   10       event
//   E2       2025-01-01  2025-01-21   terminated    skills    20       event
//   E3       2025-01-01  2025-02-15   completed     process  119       censored at as_of − admission
//   E4       2025-01-01  2025-01-16   transferred   skills    15       censored
//   E5       2025-01-01  2025-01-31   incarcerated  process   30       censored
//   E6       2025-01-01  2025-02-10   died          skills    40       censored
//   E7       2025-01-01  2025-03-02   other         process   60       censored
//   E8       2025-02-01  —            (open)        skills    88       censored (Feb 28 + Mar 31 + Apr 29 days)
//   E9       2025-03-01  2025-05-10   dropped_out   process   60       open at as_of: censored at as_of
//   E10      2025-05-05  —            (after as_of: out of scope)
//   E11      2025-01-01  2025-01-31   dropped_out   skills    30       event at exactly day 30
//   E12      2025-01-01  —            (open)        none     119       censored; in the total only
// E9 has 1 process row before as_of and 2 skills rows after it: rows after as_of are ignored.
const FIXTURE = `
INSERT INTO site VALUES ('S1', 'North');
INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
  ('GP', 'S1', 'process', 'Process'), ('GS', 'S1', 'skills', 'Skills');
INSERT INTO participant (participant_id) SELECT 'P' || i FROM generate_series(1, 12) i;
INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason) VALUES
  ('E1', 'P1', 'S1', '2025-01-01', '2025-01-11', 'dropped_out'),
  ('E2', 'P2', 'S1', '2025-01-01', '2025-01-21', 'terminated'),
  ('E3', 'P3', 'S1', '2025-01-01', '2025-02-15', 'completed'),
  ('E4', 'P4', 'S1', '2025-01-01', '2025-01-16', 'transferred'),
  ('E5', 'P5', 'S1', '2025-01-01', '2025-01-31', 'incarcerated'),
  ('E6', 'P6', 'S1', '2025-01-01', '2025-02-10', 'died'),
  ('E7', 'P7', 'S1', '2025-01-01', '2025-03-02', 'other'),
  ('E8', 'P8', 'S1', '2025-02-01', NULL, NULL),
  ('E9', 'P9', 'S1', '2025-03-01', '2025-05-10', 'dropped_out'),
  ('E10', 'P10', 'S1', '2025-05-05', NULL, NULL),
  ('E11', 'P11', 'S1', '2025-01-01', '2025-01-31', 'dropped_out'),
  ('E12', 'P12', 'S1', '2025-01-01', NULL, NULL);
INSERT INTO group_session (session_id, group_id, session_date) VALUES
  ('XP1', 'GP', '2025-01-02'), ('XP2', 'GP', '2025-03-03'), ('XP3', 'GP', '2025-05-06'),
  ('XS1', 'GS', '2025-01-02'), ('XS2', 'GS', '2025-02-03'), ('XS3', 'GS', '2025-05-05'), ('XS4', 'GS', '2025-05-06');
INSERT INTO attendance (session_id, participant_id, status) VALUES
  ('XP1', 'P1', 'present'), ('XP1', 'P3', 'absent'), ('XP1', 'P5', 'late'), ('XP1', 'P7', 'excused'),
  ('XS1', 'P2', 'present'), ('XS1', 'P4', 'present'), ('XS1', 'P6', 'left_early'), ('XS1', 'P11', 'present'),
  ('XS2', 'P8', 'present'),
  ('XP2', 'P9', 'present'), ('XS3', 'P9', 'present'), ('XS4', 'P9', 'present'),
  ('XP3', 'P10', 'present');
`;

const QUERY = `query ($filter: MetricsFilter) {
  retention(filter: $filter) {
    scope { from to asOf }
    total { ...figures }
    byGroupType { ...figures }
    comparison { chiSquare df pValue groups { groupType episodes observed expected } }
  }
}
fragment figures on RetentionFigures {
  groupType episodes dropouts
  curve { days atRisk events censored survival lower upper }
  retainedAt { days atRisk survival lower upper }
  medianDaysToDropout
  completion { numerator denominator rate lower upper }
  dischargeReasons { reason episodes }
  discharged medianLengthOfStay
}`;

interface Interval {
  survival: number | null;
  lower: number | null;
  upper: number | null;
}
interface Figures {
  groupType: string | null;
  episodes: number;
  dropouts: number;
  curve: (Interval & { days: number; atRisk: number; events: number; censored: number })[];
  retainedAt: (Interval & { days: number; atRisk: number })[];
  medianDaysToDropout: number | null;
  completion: {
    numerator: number;
    denominator: number;
    rate: number | null;
    lower: number | null;
    upper: number | null;
  };
  dischargeReasons: { reason: string; episodes: number }[];
  discharged: number;
  medianLengthOfStay: number | null;
}
interface Report {
  retention: {
    scope: { from: string; to: string; asOf: string };
    total: Figures;
    byGroupType: Figures[];
    comparison: {
      chiSquare: number;
      df: number;
      pValue: number;
      groups: { groupType: string; episodes: number; observed: number; expected: number }[];
    } | null;
  };
}

/** The log-scale Greenwood interval of METRICS.md, capped to [0, 1], with z = R's qnorm(0.975). */
const Z = 1.959963984540054;
const interval = (s: number, greenwoodSum: number) => ({
  survival: s,
  lower: s * Math.exp(-Z * Math.sqrt(greenwoodSum)),
  upper: Math.min(1, s * Math.exp(Z * Math.sqrt(greenwoodSum))),
});

let api: ApiTestServer;
let report: Report['retention'];
beforeAll(async () => {
  api = await startApiTestServer();
  await runSql(api.db.url, FIXTURE);
  const { data, errors } = await api.graphql<Report>(QUERY, { filter: { asOf: '2025-04-30' } });
  expect(errors).toBeUndefined();
  report = data!.retention;
});
afterAll(() => api?.close());

const byType = (type: string) => report.byGroupType.find((f) => f.groupType === type)!;

describe('retention over HTTP', () => {
  it('echoes the resolved scope', () => {
    expect(report.scope).toEqual({ from: '1900-01-01', to: '2025-04-30', asOf: '2025-04-30' });
  });

  it('builds the all-types Kaplan–Meier curve with the censoring of each discharge reason', () => {
    const { total } = report;
    // 11 episodes (E10 admitted after as_of is out); events E1 (10), E2 (20), E11 (30).
    expect(total.episodes).toBe(11);
    expect(total.dropouts).toBe(3);
    // Sorted: 10D 15C 20D 30D 30C 40C 60C 60C 88C 119C 119C.
    // t=10: n=11, d=1 → S = 10/11;            Greenwood Σ = 1/(11·10)
    // t=20: n=9 (E1, E4 gone), d=1 → S·8/9;    Σ += 1/(9·8)
    // t=30: n=8, d=1 → S·7/8 = 70/99;          Σ += 1/(8·7); the censored 30 (E5) is still at risk
    const g10 = 1 / 110;
    const g20 = g10 + 1 / 72;
    const g30 = g20 + 1 / 56;
    expectClose(total.curve, [
      { days: 10, atRisk: 11, events: 1, censored: 1, ...interval(10 / 11, g10) }, // E4 censored at 15
      { days: 20, atRisk: 9, events: 1, censored: 0, ...interval(80 / 99, g20) },
      // censored from 30 on: E5 (30), E6 (40), E7 and E9 (60), E8 (88), E3 (completed) and E12 (119)
      { days: 30, atRisk: 8, events: 1, censored: 7, ...interval(70 / 99, g30) },
    ]);
  });

  it('reads S(30/60/90) with the event at exactly day 30 counted, and no median when S stays above 0.5', () => {
    expectClose(report.total.retainedAt, [
      { days: 30, atRisk: 8, ...interval(70 / 99, 1 / 110 + 1 / 72 + 1 / 56) },
      { days: 60, atRisk: 5, ...interval(70 / 99, 1 / 110 + 1 / 72 + 1 / 56) }, // 60, 60, 88, 119, 119
      { days: 90, atRisk: 2, ...interval(70 / 99, 1 / 110 + 1 / 72 + 1 / 56) }, // 119, 119
    ]);
    expect(report.total.medianDaysToDropout).toBeNull();
  });

  it('breaks retention down by primary group type; the episode without attendance is in the total only', () => {
    expect(report.byGroupType.map((f) => [f.groupType, f.episodes])).toEqual([
      ['psychoeducation', 0],
      ['skills', 5], // E2 E4 E6 E8 E11
      ['process', 5], // E1 E3 E5 E7 E9 (E9's two later skills rows are after as_of)
      ['trauma_informed', 0],
      ['family', 0],
    ]);
    // Process: 10D 30C 60C 60C 119C → t=10: n=5, d=1, S = 0.8, Σ = 1/(5·4); no further events.
    const process = byType('process');
    expectClose(process.curve, [{ days: 10, atRisk: 5, events: 1, censored: 4, ...interval(0.8, 1 / 20) }]);
    expectClose(process.retainedAt, [
      { days: 30, atRisk: 4, ...interval(0.8, 1 / 20) },
      { days: 60, atRisk: 3, ...interval(0.8, 1 / 20) },
      { days: 90, atRisk: 1, ...interval(0.8, 1 / 20) },
    ]);
    expect(process.medianDaysToDropout).toBeNull();
    // Skills: 15C 20D 30D 40C 88C → t=20: n=4, S = 3/4, Σ = 1/12; t=30: n=3, S = 1/2, Σ += 1/6.
    const skills = byType('skills');
    expectClose(skills.curve, [
      { days: 20, atRisk: 4, events: 1, censored: 0, ...interval(0.75, 1 / 12) },
      { days: 30, atRisk: 3, events: 1, censored: 2, ...interval(0.5, 1 / 12 + 1 / 6) },
    ]);
    // Nobody in skills is followed to day 90 (longest: E8, 88 days): S(90) is unknown.
    expectClose(skills.retainedAt, [
      { days: 30, atRisk: 3, ...interval(0.5, 1 / 12 + 1 / 6) },
      { days: 60, atRisk: 1, ...interval(0.5, 1 / 12 + 1 / 6) },
      { days: 90, atRisk: 0, survival: null, lower: null, upper: null },
    ]);
    expect(skills.medianDaysToDropout).toBe(30); // first t with S ≤ 0.5
    expect(byType('family')).toMatchObject({ episodes: 0, curve: [], medianDaysToDropout: null, discharged: 0 });
  });

  it('compares the primary group types with the log-rank test', () => {
    // Event times 10, 20, 30 (process at risk / skills at risk / deaths):
    //   t=10: 5/5, d=1 (process): E_p = 5/10,  V = 1·9/9 · (5/10)(5/10) = 1/4
    //   t=20: 4/4, d=1 (skills):  E_p = 4/8,   V = 1/4
    //   t=30: 4/3, d=1 (skills):  E_p = 4/7,   V = 1·6/6 · (4/7)(3/7) = 12/49
    // O_p − E_p = 1 − 11/7 = −4/7; V = 73/98; χ² = (16/49)/(73/98) = 32/73, df 1,
    // p = erfc(sqrt(χ²/2)) = 0.50791693…
    const { comparison } = report;
    expect(comparison!.df).toBe(1);
    expect(comparison!.chiSquare).toBeCloseTo(32 / 73, 10);
    expect(comparison!.pValue).toBeCloseTo(0.5079169337, 6);
    expect(comparison!.groups).toHaveLength(2);
    const groups = Object.fromEntries(comparison!.groups.map((g) => [g.groupType, g]));
    expect(groups.process).toMatchObject({ episodes: 5, observed: 1 });
    expect(groups.process.expected).toBeCloseTo(11 / 7, 10);
    expect(groups.skills).toMatchObject({ episodes: 5, observed: 2 });
    expect(groups.skills.expected).toBeCloseTo(10 / 7, 10);
  });

  it('counts completion among episodes discharged on or before as_of, with every reason', () => {
    // Discharged by as_of: E1 E2 E3 E4 E5 E6 E7 E11 (E9's discharge is after as_of).
    const { total } = report;
    expect(total.completion).toMatchObject({ numerator: 1, denominator: 8, rate: 0.125 });
    // Wilson, p = 1/8, n = 8, z = 1.959964: (p + z²/16 ∓ z·sqrt((p(1−p) + z²/32)/8)) / (1 + z²/8)
    expect(total.completion.lower).toBeCloseTo(0.0224175, 6);
    expect(total.completion.upper).toBeCloseTo(0.4708882, 6);
    expect(total.dischargeReasons).toEqual([
      { reason: 'completed', episodes: 1 },
      { reason: 'dropped_out', episodes: 2 }, // E1, E11
      { reason: 'terminated', episodes: 1 },
      { reason: 'transferred', episodes: 1 },
      { reason: 'incarcerated', episodes: 1 },
      { reason: 'died', episodes: 1 },
      { reason: 'other', episodes: 1 },
    ]);
    expect(byType('process').completion).toMatchObject({ numerator: 1, denominator: 4, rate: 0.25 });
    expect(byType('skills').completion).toMatchObject({ numerator: 0, denominator: 4, rate: 0, lower: 0 });
  });

  it('takes length of stay as the median discharge − admission of discharged episodes', () => {
    // All: 10 15 20 30 30 40 45 60 → (30 + 30)/2. Process: E1 10, E5 30, E3 45 (its real stay,
    // not the 119 it is censored at), E7 60 → (30 + 45)/2. Skills: 15 20 30 40 → (20 + 30)/2.
    expect([report.total.discharged, report.total.medianLengthOfStay]).toEqual([8, 30]);
    expect([byType('process').discharged, byType('process').medianLengthOfStay]).toEqual([4, 37.5]);
    expect([byType('skills').discharged, byType('skills').medianLengthOfStay]).toEqual([4, 25]);
  });
});

/** Exact integers, floating values to 10 decimals. */
function expectClose<T extends object>(actual: T[], expected: T[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((row, i) => {
    for (const [key, value] of Object.entries(expected[i])) {
      const got = (row as Record<string, unknown>)[key];
      if (typeof value === 'number' && !Number.isInteger(value))
        expect([key, got]).toEqual([key, expect.closeTo(value, 10)]);
      else expect([key, got]).toEqual([key, value]);
    }
  });
}
