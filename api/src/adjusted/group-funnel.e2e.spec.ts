import { runSql } from '../episodes/run-sql.testing';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';

// Episodes (admitted 2025-01-01, as_of 2025-06-30 = day 180), each in one group: the group of its
// primary type with the most attendance rows in its window (A4: 2 rows in GP1, 1 in GP2 → GP1).
//   group  episode  discharge            retention90 (followed? retained?)  completion
//   GP1    A1       60 completed         yes, yes (censored at 180)        completed
//   GP1    A2       120 completed        yes, yes                          completed
//   GP1    A3       10 dropped_out       yes, no                           discharged
//   GP1    A4       100 dropped_out      yes, yes (dropped after day 90)   discharged
//   GP2    B1       20 dropped_out       yes, no                           discharged
//   GP2    B2       95 terminated        yes, yes                          discharged
//   GS     C1       30 completed         yes, yes                          completed
//   GS     C2       open                 yes, yes                          —
//   GS     C3       50 transferred       no (censored before 90)           discharged
// retention90: GP1 3/4, GP2 1/2, GS 2/2; completion: GP1 2/4, GP2 0/2, GS 1/2.
// Attendance (March only, its own participants): G1 18 of 20, G2 14 of 38 (2 excused), G3 9 of 9 (1 excused).
const EPISODES: [string, string[], number | null, string | null][] = [
  ['A1', ['XP1'], 60, 'completed'],
  ['A2', ['XP1'], 120, 'completed'],
  ['A3', ['XP1'], 10, 'dropped_out'],
  ['A4', ['XP1', 'XP1b', 'XP2'], 100, 'dropped_out'],
  ['B1', ['XP2'], 20, 'dropped_out'],
  ['B2', ['XP2'], 95, 'terminated'],
  ['C1', ['XS'], 30, 'completed'],
  ['C2', ['XS'], null, null],
  ['C3', ['XS'], 50, 'transferred'],
];
const FIXTURE = `
INSERT INTO site VALUES ('S1', 'North');
INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
  ('GP1', 'S1', 'process', 'Process One'), ('GP2', 'S1', 'process', 'Process Two'), ('GS', 'S1', 'skills', 'Skills'),
  ('G1', 'S1', 'skills', 'March One'), ('G2', 'S1', 'skills', 'March Two'), ('G3', 'S1', 'skills', 'March Three');
INSERT INTO group_session (session_id, group_id, session_date) VALUES
  ('XP1', 'GP1', '2025-01-02'), ('XP1b', 'GP1', '2025-01-03'), ('XP2', 'GP2', '2025-01-02'), ('XS', 'GS', '2025-01-02'),
  ('M1', 'G1', '2025-03-03'), ('M2', 'G2', '2025-03-03'), ('M3', 'G3', '2025-03-03');
${EPISODES.map(
  ([id, sessions, day, reason]) => `
INSERT INTO participant (participant_id) VALUES ('${id}');
INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason)
  VALUES ('E${id}', '${id}', 'S1', '2025-01-01', ${day === null ? 'NULL' : `DATE '2025-01-01' + ${day}`}, ${reason === null ? 'NULL' : `'${reason}'`});
${sessions.map((s) => `INSERT INTO attendance (session_id, participant_id, status) VALUES ('${s}', '${id}', 'present');`).join('\n')}`,
).join('')}
INSERT INTO participant (participant_id) SELECT 'Q' || i FROM generate_series(1, 40) i;
INSERT INTO attendance (session_id, participant_id, status)
  SELECT 'M1', 'Q' || i, CASE WHEN i <= 18 THEN 'present' ELSE 'absent' END FROM generate_series(1, 20) i;
INSERT INTO attendance (session_id, participant_id, status)
  SELECT 'M2', 'Q' || i, CASE WHEN i <= 14 THEN 'late' WHEN i <= 16 THEN 'excused' ELSE 'absent' END FROM generate_series(1, 40) i;
INSERT INTO attendance (session_id, participant_id, status)
  SELECT 'M3', 'Q' || i, CASE WHEN i <= 9 THEN 'left_early' ELSE 'excused' END FROM generate_series(1, 10) i;
`;

const QUERY = `query ($filter: MetricsFilter, $measure: FunnelMeasure!) {
  groupFunnel(filter: $filter, measure: $measure) {
    measure target
    groups { groupId groupName groupType siteId k n proportion lower998 lower95 upper95 upper998 position }
    limits { n lower998 upper998 }
  }
}`;

interface Funnel {
  target: number | null;
  groups: {
    groupId: string;
    k: number;
    n: number;
    proportion: number;
    lower998: number;
    lower95: number;
    upper95: number;
    upper998: number;
    position: string;
  }[];
  limits: { n: number; lower998: number; upper998: number }[];
}

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
  await runSql(api.db.url, FIXTURE);
});
afterAll(() => api?.close());

const ask = async (measure: string, filter: object) => {
  const { data, errors } = await api.graphql<{ groupFunnel: Funnel }>(QUERY, {
    filter: { asOf: '2025-06-30', ...filter },
    measure,
  });
  expect(errors).toBeUndefined();
  return data!.groupFunnel;
};
const kn = (funnel: Funnel) => funnel.groups.map((g) => [g.groupId, g.k, g.n]);

describe('groupFunnel over HTTP', () => {
  it('attendance: each group against exact binomial limits of the pooled rate (values from R)', async () => {
    const funnel = await ask('attendance', { from: '2025-03-01' });
    expect(kn(funnel)).toEqual([
      ['G2', 14, 38],
      ['G1', 18, 20],
      ['G3', 9, 9],
    ]);
    expect(funnel.target).toBeCloseTo(41 / 67, 14);
    // R: (r - α) / n with r = qbinom(P, n, 41/67), α = (pbinom(r) − P) / (pbinom(r) − pbinom(r − 1)).
    const r = [
      [0.348076219186799, 0.440572562033257, 0.752067590901666, 0.833091588137634],
      [0.243590555280827, 0.365639137136902, 0.794878720360732, 0.896885401659695],
      [0.031400965689106, 0.22915716282488, 0.867910289475553, 0.990766294811438],
    ];
    funnel.groups.forEach((g, i) => {
      [g.lower998, g.lower95, g.upper95, g.upper998].forEach((limit, j) => expect(limit).toBeCloseTo(r[i][j], 12));
    });
    // G1 (18 of 20) and G3 (9 of 9) lie past the drawn 99.8% line, but neither count is rare enough
    // to flag: R, binom.test(…, alternative = "greater")$p.value: P(X ≥ 18) = 0.004884913,
    // P(X ≥ 9) = 0.01203321 (both > 0.1%); qbinom(0.999, n, 41/67) = 18 and 9, not below k.
    // G2 (14 of 38): P(X ≤ 14) = 0.002049871, qbinom(0.001, 38, 41/67) = 14.
    expect(funnel.groups[1].proportion).toBeGreaterThan(funnel.groups[1].upper998);
    expect(funnel.groups[2].proportion).toBeGreaterThan(funnel.groups[2].upper998);
    expect(funnel.groups.map((g) => g.position)).toEqual(['within', 'within', 'within']);
    expect(funnel.limits[0].n).toBe(1);
    expect(funnel.limits.at(-1)!.n).toBe(38);
  });

  it('retention90 and completion: episodes by their primary group', async () => {
    const retention = await ask('retention90', { to: '2025-01-31' });
    expect(kn(retention).sort()).toEqual([
      ['GP1', 3, 4],
      ['GP2', 1, 2],
      ['GS', 2, 2],
    ]);
    expect(retention.target).toBeCloseTo(6 / 8, 14);
    const completion = await ask('completion', { to: '2025-01-31' });
    expect(kn(completion).sort()).toEqual([
      ['GP1', 2, 4],
      ['GP2', 0, 2],
      ['GS', 1, 2],
    ]);
  });

  it('quality may ask; a funder may not', async () => {
    const quality = await api.signIn('quality');
    const asQuality = await quality.graphql(QUERY, { measure: 'completion' });
    expect(asQuality.errors).toBeUndefined();
    const funder = await api.signIn('funder');
    const asFunder = await funder.graphql(QUERY, { measure: 'completion' });
    expect(asFunder.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
