import { runSql } from '../episodes/run-sql.testing';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';

// Hand-made check-ins, as_of 2025-06-30. "day" = report_date − admission_date.
// Eligibility: m = 30 needs admission ≤ as_of − 44 = 2025-05-17; m = 60 ≤ 2025-04-17; m = 90 ≤ 2025-03-18.
//
// A  P1 process, 2025-01-01 → 2025-02-28 completed, baseline 15 days used (baseline PDA 0.5)
//    in treatment: Jan 8 (day 7, 2/7 used, craving 6), Jan 15 (14, 0/7, 4), Jan 24 (23, 0/7, 3),
//                  Feb 7 (37, 1/7, 5), Feb 28 (58, 1/14, no craving)
//    after discharge: Mar 10 (68, 5/7), Apr 5 (94, 0/7), Apr 20 (109, 7/7), all craving 9
// B  P2 skills, 2025-01-01 open, no baseline
//    Jan 1 (0, 0/7, craving 8), Jan 31 (30, 0/7, 2), Apr 1 (90, 3/7, 1), Apr 2 (91, 0/7, 10),
//    Jul 2 (after as_of: ignored, 7/7, 10)
// C  P3 process, 2025-05-01 open, baseline 30 (baseline PDA 0): May 8 (7, 0/7, 2), Jun 14 (44, 0/7)
// D  P4 no attendance (no type), 2025-01-01 → 2025-01-20 dropped_out, baseline 0, no check-ins
// E0 P5 process, 2025-01-01 → 2025-01-20 dropped_out, baseline 21 (0.3): Jan 10 (9, 3/7, craving 7)
// E  P5 process, 2025-02-10 open: Feb 12 (2, 0/7, 4), Mar 11 (29, 0/7, 6), Apr 10 (59, 0/7, 3)
//    (these belong to E, not to E0's milestones: E was admitted before them)
// F  P6 no type, 2025-05-17 open (exactly as_of − 44: eligible at 30 days); G P7 2025-05-18 (not)
const FIXTURE = `
INSERT INTO site VALUES ('S1', 'North');
INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
  ('GP', 'S1', 'process', 'Process'), ('GS', 'S1', 'skills', 'Skills');
INSERT INTO participant (participant_id) SELECT 'P' || i FROM generate_series(1, 7) i;
INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason,
  assessment_date, baseline_days_used) VALUES
  ('A', 'P1', 'S1', '2025-01-01', '2025-02-28', 'completed', NULL, 15),
  ('B', 'P2', 'S1', '2025-01-01', NULL, NULL, NULL, NULL),
  ('C', 'P3', 'S1', '2025-05-01', NULL, NULL, NULL, 30),
  ('D', 'P4', 'S1', '2025-01-01', '2025-01-20', 'dropped_out', NULL, 0),
  ('E0', 'P5', 'S1', '2025-01-01', '2025-01-20', 'dropped_out', NULL, 21),
  ('E', 'P5', 'S1', '2025-02-10', NULL, NULL, NULL, NULL),
  ('F', 'P6', 'S1', '2025-05-17', NULL, NULL, NULL, NULL),
  ('G', 'P7', 'S1', '2025-05-18', NULL, NULL, NULL, NULL);
INSERT INTO group_session (session_id, group_id, session_date) VALUES
  ('XP1', 'GP', '2025-01-02'), ('XP2', 'GP', '2025-05-05'), ('XP3', 'GP', '2025-02-11'), ('XS1', 'GS', '2025-01-02');
INSERT INTO attendance (session_id, participant_id, status) VALUES
  ('XP1', 'P1', 'present'), ('XS1', 'P2', 'present'), ('XP2', 'P3', 'present'), ('XP1', 'P5', 'present'),
  ('XP3', 'P5', 'present');
INSERT INTO sobriety_checkin (participant_id, report_date, days_used, window_days, craving) VALUES
  ('P1', '2025-01-08', 2, 7, 6), ('P1', '2025-01-15', 0, 7, 4), ('P1', '2025-01-24', 0, 7, 3),
  ('P1', '2025-02-07', 1, 7, 5), ('P1', '2025-02-28', 1, 14, NULL),
  ('P1', '2025-03-10', 5, 7, 9), ('P1', '2025-04-05', 0, 7, 9), ('P1', '2025-04-20', 7, 7, 9),
  ('P2', '2025-01-01', 0, 7, 8), ('P2', '2025-01-31', 0, 7, 2), ('P2', '2025-04-01', 3, 7, 1),
  ('P2', '2025-04-02', 0, 7, 10), ('P2', '2025-07-02', 7, 7, 10),
  ('P3', '2025-05-08', 0, 7, 2), ('P3', '2025-06-14', 0, 7, NULL),
  ('P5', '2025-01-10', 3, 7, 7), ('P5', '2025-02-12', 0, 7, 4), ('P5', '2025-03-11', 0, 7, 6),
  ('P5', '2025-04-10', 0, 7, 3);
`;

const QUERY = `query ($filter: MetricsFilter) {
  sobriety(filter: $filter) {
    total { ...figures }
    byGroupType { ...figures }
  }
}
fragment figures on SobrietyFigures {
  groupType episodes
  percentDaysAbstinent { n mean }
  pdaChangeFromBaseline { n mean }
  abstinence {
    days eligible responders abstinent
    responderRate { numerator denominator rate lower upper }
    intentToTreatRate { numerator denominator rate lower upper }
  }
  cravingTrend { week checkIns episodes meanCraving }
}`;

interface Proportion {
  numerator: number;
  denominator: number;
  rate: number | null;
  lower: number | null;
  upper: number | null;
}
interface Figures {
  groupType: string | null;
  episodes: number;
  percentDaysAbstinent: { n: number; mean: number | null };
  pdaChangeFromBaseline: { n: number; mean: number | null };
  abstinence: {
    days: number;
    eligible: number;
    responders: number;
    abstinent: number;
    responderRate: Proportion;
    intentToTreatRate: Proportion;
  }[];
  cravingTrend: { week: number; checkIns: number; episodes: number; meanCraving: number | null }[];
}

let api: ApiTestServer;
let total: Figures;
let process: Figures;
let skills: Figures;
beforeAll(async () => {
  api = await startApiTestServer();
  await runSql(api.db.url, FIXTURE);
  const { data, errors } = await api.graphql<{ sobriety: { total: Figures; byGroupType: Figures[] } }>(QUERY, {
    filter: { asOf: '2025-06-30' },
  });
  expect(errors).toBeUndefined();
  total = data!.sobriety.total;
  process = data!.sobriety.byGroupType.find((f) => f.groupType === 'process')!;
  skills = data!.sobriety.byGroupType.find((f) => f.groupType === 'skills')!;
});
afterAll(() => api?.close());

// Per-episode PDA over in-treatment check-ins (A's after-discharge and B's after-as_of ones left out):
const PDA = {
  A: 1 - (2 + 0 + 0 + 1 + 1) / (7 + 7 + 7 + 7 + 14), // 19/21
  B: 1 - (0 + 0 + 3 + 0) / (4 * 7), // 25/28
  C: 1, // 0 of 14 days
  E0: 1 - 3 / 7,
  E: 1,
};

describe('sobriety over HTTP', () => {
  it('counts the episodes of each cell', () => {
    expect([total.episodes, process.episodes, skills.episodes]).toEqual([8, 4, 1]);
  });

  it('averages PDA over episodes with in-treatment check-ins', () => {
    expect(total.percentDaysAbstinent.n).toBe(5); // D, F, G have none
    expect(total.percentDaysAbstinent.mean).toBeCloseTo((PDA.A + PDA.B + PDA.C + PDA.E0 + PDA.E) / 5, 12);
    expect(process.percentDaysAbstinent.n).toBe(4);
    expect(process.percentDaysAbstinent.mean).toBeCloseTo((PDA.A + PDA.C + PDA.E0 + PDA.E) / 4, 12);
    expect(skills.percentDaysAbstinent).toEqual({ n: 1, mean: expect.closeTo(25 / 28, 12) });
  });

  it('averages PDA − baseline PDA over episodes with both', () => {
    // A: 19/21 − (1 − 15/30); C: 1 − (1 − 30/30); E0: 4/7 − (1 − 21/30). D has a baseline but no PDA.
    const change = (PDA.A - 0.5 + (PDA.C - 0) + (PDA.E0 - 0.3)) / 3;
    expect(total.pdaChangeFromBaseline).toEqual({ n: 3, mean: expect.closeTo(change, 12) });
    expect(process.pdaChangeFromBaseline).toEqual({ n: 3, mean: expect.closeTo(change, 12) });
    expect(skills.pdaChangeFromBaseline).toEqual({ n: 0, mean: null });
  });

  it('finds the milestone check-in nearest to m within ±14 days, ties to the later, and counts eligibility', () => {
    // m = 30 (days 16–44), eligible A B C D E0 E F (G admitted a day too late):
    //   A: Jan 24 (day 23) and Feb 7 (day 37) are both 7 away → the later, 1 day used: not abstinent
    //   B: Jan 31 (day 30), 0 → abstinent.   C: Jun 14 (day 44, the window's edge), 0 → abstinent
    //   E0: its window holds only Feb 12, which belongs to E → no check-in.   E: Mar 11 (day 29), 0 → abstinent
    // m = 60 (days 46–74), eligible A B D E0 E: A Feb 28 (day 58, 1 used) beats Mar 10 (day 68);
    //   B none; E Apr 10 (day 59), 0 → abstinent
    // m = 90 (days 76–104), eligible A B D E0 E: A Apr 5 (day 94, after discharge), 0 → abstinent
    //   (Apr 20 is day 109: outside); B Apr 1 (day 90, 3 used) beats Apr 2 (91); E none in Apr 27–May 25
    expect(total.abstinence.map((a) => [a.days, a.eligible, a.responders, a.abstinent])).toEqual([
      [30, 7, 4, 3],
      [60, 5, 2, 1],
      [90, 5, 2, 1],
    ]);
    expect(process.abstinence.map((a) => [a.days, a.eligible, a.responders, a.abstinent])).toEqual([
      [30, 4, 3, 2], // A C E0 E; responders A C E; abstinent C E
      [60, 3, 2, 1], // A E0 E
      [90, 3, 1, 1],
    ]);
    expect(skills.abstinence.map((a) => [a.days, a.eligible, a.responders, a.abstinent])).toEqual([
      [30, 1, 1, 1],
      [60, 1, 0, 0],
      [90, 1, 1, 0],
    ]);
  });

  it('gives responder and intent-to-treat rates with Wilson intervals', () => {
    const [at30] = total.abstinence;
    // responder 3/4, intent-to-treat 3/7 (missing = not abstinent), Wilson with z = 1.959964:
    //   3/4: (0.75 + z²/8 ∓ z·sqrt((0.75·0.25 + z²/16)/4)) / (1 + z²/4)
    //   3/7: (3/7 + z²/14 ∓ z·sqrt((3/7·4/7 + z²/28)/7)) / (1 + z²/7)
    expect(at30.responderRate).toEqual({
      numerator: 3,
      denominator: 4,
      rate: 0.75,
      lower: expect.closeTo(0.3006418, 6),
      upper: expect.closeTo(0.9544127, 6),
    });
    expect(at30.intentToTreatRate).toEqual({
      numerator: 3,
      denominator: 7,
      rate: 3 / 7,
      lower: expect.closeTo(0.1582199, 6),
      upper: expect.closeTo(0.7495416, 6),
    });
    // No responders: no rate.
    expect(skills.abstinence[1].responderRate).toEqual({
      numerator: 0,
      denominator: 0,
      rate: null,
      lower: null,
      upper: null,
    });
  });

  it('averages craving by week since admission over in-treatment check-ins, weeks 0 to 12', () => {
    const trend = (f: Figures) =>
      f.cravingTrend.filter((w) => w.checkIns > 0).map((w) => [w.week, w.checkIns, w.meanCraving]);
    // Week 0: B 8, E 4. Week 1: A 6, C 2, E0 7. Week 2: A 4. Week 3: A 3. Week 4: B 2, E 6. Week 5: A 5.
    // Week 8: E 3 (A's Feb 28 has no craving). Week 12: B 1 (day 90); B's day 91 is week 13: left out.
    expect(trend(total)).toEqual([
      [0, 2, 6],
      [1, 3, 5],
      [2, 1, 4],
      [3, 1, 3],
      [4, 2, 4],
      [5, 1, 5],
      [8, 1, 3],
      [12, 1, 1],
    ]);
    expect(total.cravingTrend).toHaveLength(13);
    expect(total.cravingTrend[6]).toEqual({ week: 6, checkIns: 0, episodes: 0, meanCraving: null });
    expect(trend(skills)).toEqual([
      [0, 1, 8],
      [4, 1, 2],
      [12, 1, 1],
    ]);
    expect(trend(process)).toEqual([
      [0, 1, 4],
      [1, 3, 5],
      [2, 1, 4],
      [3, 1, 3],
      [4, 1, 6],
      [5, 1, 5],
      [8, 1, 3],
    ]);
  });
});
