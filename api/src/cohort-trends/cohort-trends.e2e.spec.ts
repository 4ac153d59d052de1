import { runSql } from '../episodes/run-sql.testing';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';

// Hand-worked cohorts, as_of 2025-06-30, period 2025-01-01 to 2025-03-31. t = days followed.
// January admissions:
//   E1 P1 01-06 → 01-26 dropped_out   event at t = 20
//   E2 P2 01-10 → 03-11 completed     censored at as_of − admission = 171
//   E3 P3 01-20 open                  censored at 161
//   E4 P4 01-25 → 02-09 terminated    event at t = 15
//   KM: S(15) = 3/4, S(20) = 3/4 · 2/3 = 0.5; S(30) = S(60) = S(90) = 0.5, 2 at risk (E2, E3).
//   Greenwood (log scale): se = √(1/(4·3) + 1/(3·2)) = 0.5; 0.5·exp(±1.959964·0.5) = 0.18766, 1.3322 → 1.
//   Completion 1 of 3 discharged (E2): Wilson 0.06149–0.79234.
//   Abstinence, check-ins: E1 02-05 (day 30) 0 used; E2 02-12 (day 33) 2 used and 04-10 (day 90) 0 used;
//   E4 02-20 (day 26) 0 used. Day 30: 4 eligible, 3 responders, 2 abstinent (E1, E4): 2/3 and 2/4.
//   Day 90: 4 eligible (admitted ≤ as_of − 104 = 03-18), 1 responder (E2), abstinent: 1/1 and 1/4.
// February admissions:
//   E5 P5 02-03 → 04-04 completed     censored at 147; check-in 03-05 (day 30) 0 used
//   E6 P6 02-14 → 02-24 transferred   censored at 10
//   No dropout: S = 1 throughout; at 30/60/90 days 1 at risk (E5). Completion 1 of 2: 0.09453–0.90547.
//   Day 30: 2 eligible, 1 responder, 1 abstinent: 1/1 and 1/2. Day 90: 2 eligible, 0 responders: 0/2.
// March: no admissions (every figure empty).
// Alliance by session month: January scores 40, 36, 32 → mean 36, sd 4, 36 ± 1.959964·4/√3 = 31.47366–40.52634;
// February one score 30 (no interval); March none. E7 (April) is after the period: in no month.
const FIXTURE = `
INSERT INTO site VALUES ('S1', 'North');
INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES ('GP', 'S1', 'process', 'Process');
INSERT INTO participant (participant_id) SELECT 'P' || i FROM generate_series(1, 7) i;
INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason) VALUES
  ('E1', 'P1', 'S1', '2025-01-06', '2025-01-26', 'dropped_out'),
  ('E2', 'P2', 'S1', '2025-01-10', '2025-03-11', 'completed'),
  ('E3', 'P3', 'S1', '2025-01-20', NULL, NULL),
  ('E4', 'P4', 'S1', '2025-01-25', '2025-02-09', 'terminated'),
  ('E5', 'P5', 'S1', '2025-02-03', '2025-04-04', 'completed'),
  ('E6', 'P6', 'S1', '2025-02-14', '2025-02-24', 'transferred'),
  ('E7', 'P7', 'S1', '2025-04-02', NULL, NULL);
INSERT INTO sobriety_checkin (participant_id, report_date, days_used, window_days) VALUES
  ('P1', '2025-02-05', 0, 7), ('P2', '2025-02-12', 2, 7), ('P2', '2025-04-10', 0, 7), ('P4', '2025-02-20', 0, 7),
  ('P5', '2025-03-05', 0, 7);
INSERT INTO group_session (session_id, group_id, session_date) VALUES
  ('J', 'GP', '2025-01-15'), ('F', 'GP', '2025-02-12'), ('M', 'GP', '2025-03-12');
INSERT INTO attendance (session_id, participant_id, status) VALUES
  ('J', 'P1', 'present'), ('J', 'P2', 'present'), ('J', 'P3', 'present'), ('F', 'P2', 'present');
INSERT INTO feedback (session_id, participant_id, relationship, goals_topics, approach, overall) VALUES
  ('J', 'P1', 10, 10, 10, 10), ('J', 'P2', 9, 9, 9, 9), ('J', 'P3', 8, 8, 8, 8), ('F', 'P2', 7.5, 7.5, 7.5, 7.5);
`;

const RATE = '{ numerator denominator rate lower upper }';
const QUERY = `query ($filter: MetricsFilter) {
  cohortTrends(filter: $filter) {
    scope { from to asOf }
    months {
      month episodes
      retainedAt { days atRisk survival lower upper }
      completion ${RATE}
      abstinence { days eligible responders abstinent responderRate ${RATE} intentToTreatRate ${RATE} }
      alliance { n mean lower upper }
    }
  }
}`;

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
  await runSql(api.db.url, FIXTURE);
});
afterAll(() => api?.close());

type Month = Record<string, unknown> & { month: string };
async function months(filter: Record<string, unknown> = {}): Promise<Month[]> {
  const { data, errors } = await api.graphql<{ cohortTrends: { months: Month[] } }>(QUERY, {
    filter: { from: '2025-01-01', to: '2025-03-31', asOf: '2025-06-30', ...filter },
  });
  expect(errors).toBeUndefined();
  return data!.cohortTrends.months;
}

const close = (value: number) => expect.closeTo(value, 5);
const rate = (numerator: number, denominator: number, lower: number | null, upper: number | null) => ({
  numerator,
  denominator,
  rate: denominator ? close(numerator / denominator) : null,
  lower: lower === null ? null : close(lower),
  upper: upper === null ? null : close(upper),
});

describe('cohort trends by admission month over HTTP', () => {
  it('lists every month of the period, in order', async () => {
    expect((await months()).map((m) => [m.month, m.episodes])).toEqual([
      ['2025-01', 4],
      ['2025-02', 2],
      ['2025-03', 0],
    ]);
  });

  it("computes January's retention, completion and abstinence as the whole-period figures would", async () => {
    const [january] = await months();
    expect(january.retainedAt).toEqual(
      [30, 60, 90].map((days) => ({ days, atRisk: 2, survival: 0.5, lower: close(0.18765893), upper: 1 })),
    );
    expect(january.completion).toEqual(rate(1, 3, 0.06149194, 0.7923404));
    expect(january.abstinence).toEqual([
      {
        days: 30,
        eligible: 4,
        responders: 3,
        abstinent: 2,
        responderRate: rate(2, 3, 0.2076596, 0.93850806),
        intentToTreatRate: rate(2, 4, 0.15003899, 0.84996101),
      },
      {
        days: 90,
        eligible: 4,
        responders: 1,
        abstinent: 1,
        responderRate: rate(1, 1, 0.20654931, 1),
        intentToTreatRate: rate(1, 4, 0.04558726, 0.69935816),
      },
    ]);
  });

  it('gives February no dropout, and March no figure at all', async () => {
    const [, february, march] = await months();
    expect(february.retainedAt).toEqual(
      [30, 60, 90].map((days) => expect.objectContaining({ days, atRisk: 1, survival: 1 })),
    );
    expect(february.completion).toEqual(rate(1, 2, 0.09453121, 0.90546879));
    expect(february.abstinence).toEqual([
      expect.objectContaining({
        days: 30,
        responderRate: rate(1, 1, 0.20654931, 1),
        intentToTreatRate: rate(1, 2, 0.09453121, 0.90546879),
      }),
      expect.objectContaining({ days: 90, responders: 0, intentToTreatRate: rate(0, 2, 0, 0.65761977) }),
    ]);
    expect(march.retainedAt).toEqual(
      [30, 60, 90].map((days) => ({ days, atRisk: 0, survival: null, lower: null, upper: null })),
    );
    expect(march.completion).toEqual(rate(0, 0, null, null));
  });

  it('takes the alliance mean by session month, with mean ± z·sd/√n', async () => {
    expect((await months()).map((m) => m.alliance)).toEqual([
      { n: 3, mean: 36, lower: close(31.47365706), upper: close(40.52634294) },
      { n: 1, mean: 30, lower: null, upper: null },
      { n: 0, mean: null, lower: null, upper: null },
    ]);
  });

  it('follows the filter: another site has no months with data', async () => {
    const { data, errors } = await api.graphql<{ cohortTrends: { months: Month[] } }>(QUERY, {
      filter: { from: '2025-01-01', to: '2025-03-31', asOf: '2025-06-30', siteIds: ['S9'] },
    });
    expect(errors).toBeUndefined();
    expect(data!.cohortTrends.months.every((m) => m.episodes === 0)).toBe(true);
  });
});
