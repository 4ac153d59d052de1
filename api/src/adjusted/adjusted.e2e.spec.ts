import { setDerivedDataEnabled } from '../episodes';
import { runSql } from '../episodes/run-sql.testing';
import { recordStatements, refreshDerivedTables } from '../testing/derived-testing';
import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { expectRelative } from '../stats/testing/r-reference/r-reference';
import R from './adjusted-fixture.json';

// Hand-made program, all admitted 2025-01-01 at S1, as_of 2025-06-30 (day 180). Fitted in R by
// api/src/stats/testing/r-reference/adjusted-fixture.R (values in adjusted-fixture.json).
//   episode  type     discharged (day, reason)  t    event  co-occurring  baseline
//   P1       process  10 dropped_out            10   1      yes           20
//   P2       process  10 dropped_out            10   1      no             5
//   P3       process  90 completed              180  0      no             0   (completed: censored at as_of)
//   P4       process  30 terminated             30   1      yes           12
//   P5       process  45 transferred            45   0      no             3
//   P6       process  60 completed              180  0      yes            8
//   P7       process  75 dropped_out            75   1      no            15
//   P8       process  open                      180  0      yes            2
//   P9       process  100 completed             180  0      no            25
//   S1–S7    skills   10 d, 20 d, 50 c, 30 d, 40 other, 70 c, 30 d (d: dropped_out, c: completed)
//   X1       process  5 dropped_out, no baseline → left out
//   X2       no attendance, no primary type      → left out
// Process has the most modelled episodes: the reference. Birth year, gender and substance are
// missing for everyone (one level 'unknown': no term), one site (no term), so the model is
// group type + co-occurring (reference 'no': 8 each, alphabetical) + baseline, as in R.
const EPISODES: [string, string | null, number | null, string | null, boolean, number | null][] = [
  ['P1', 'GP', 10, 'dropped_out', true, 20],
  ['P2', 'GP', 10, 'dropped_out', false, 5],
  ['P3', 'GP', 90, 'completed', false, 0],
  ['P4', 'GP', 30, 'terminated', true, 12],
  ['P5', 'GP', 45, 'transferred', false, 3],
  ['P6', 'GP', 60, 'completed', true, 8],
  ['P7', 'GP', 75, 'dropped_out', false, 15],
  ['P8', 'GP', null, null, true, 2],
  ['P9', 'GP', 100, 'completed', false, 25],
  ['S1', 'GS', 10, 'dropped_out', true, 10],
  ['S2', 'GS', 20, 'dropped_out', true, 30],
  ['S3', 'GS', 50, 'completed', false, 1],
  ['S4', 'GS', 30, 'dropped_out', false, 6],
  ['S5', 'GS', 40, 'other', true, 18],
  ['S6', 'GS', 70, 'completed', false, 4],
  ['S7', 'GS', 30, 'dropped_out', true, 22],
  ['X1', 'GP', 5, 'dropped_out', false, null],
  ['X2', null, null, null, false, 3],
];
const FIXTURE = `
INSERT INTO site VALUES ('S1', 'North');
INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
  ('GP', 'S1', 'process', 'Process'), ('GS', 'S1', 'skills', 'Skills');
INSERT INTO group_session (session_id, group_id, session_date) VALUES ('XP', 'GP', '2025-01-02'), ('XS', 'GS', '2025-01-02');
${EPISODES.map(
  ([id, group, day, reason, co, baseline]) => `
INSERT INTO participant (participant_id, co_occurring) VALUES ('${id}', ${co});
INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date, discharge_date, discharge_reason, baseline_days_used)
  VALUES ('E${id}', '${id}', 'S1', '2025-01-01', ${day === null ? 'NULL' : `DATE '2025-01-01' + ${day}`},
          ${reason === null ? 'NULL' : `'${reason}'`}, ${baseline ?? 'NULL'});
${group === null ? '' : `INSERT INTO attendance (session_id, participant_id, status) VALUES ('X${group.slice(1)}', '${id}', 'present');`}`,
).join('')}
`;

const QUERY = `query ($filter: MetricsFilter, $outcome: AdjustedOutcome) {
  adjustedComparison(filter: $filter, outcome: $outcome) {
    scope { asOf } outcome referenceGroupType episodes leftOut notes
    dropout {
      groupTypes { ...estimate } covariates { ...estimate }
      episodes events concordance
      likelihoodRatio { statistic df pValue } wald { statistic df pValue } score { statistic df pValue }
      proportionalHazards { term statistic df pValue constantLevel trend { transformedTime residual events } } proportionalHazardsWarning
      curves { groupType adjusted { days survival } unadjusted { days survival } }
      notes
    }
    completion { fitted message episodes completed groupTypes { ...estimate } covariates { ...estimate } notes }
  }
}
fragment estimate on ModelEstimate { term level aliased notEstimable estimate se ratio lower upper z pValue }`;

interface Estimate {
  term: string;
  level: string;
  estimate: number | null;
  se: number | null;
  ratio: number | null;
  lower: number | null;
  upper: number | null;
  z: number | null;
  pValue: number | null;
}
interface Test {
  statistic: number;
  df: number;
  pValue: number;
}
interface Answer {
  adjustedComparison: {
    scope: { asOf: string };
    referenceGroupType: string;
    episodes: number;
    leftOut: number;
    dropout: {
      groupTypes: Estimate[];
      covariates: Estimate[];
      episodes: number;
      events: number;
      concordance: number;
      likelihoodRatio: Test;
      wald: Test;
      score: Test;
      proportionalHazards: (Test & {
        term: string;
        constantLevel: number | null;
        trend: { transformedTime: number; residual: number; events: number }[];
      })[];
      proportionalHazardsWarning: string | null;
      curves: {
        groupType: string;
        adjusted: { days: number; survival: number }[];
        unadjusted: { days: number; survival: number }[];
      }[];
    };
    completion: {
      fitted: boolean;
      episodes: number;
      completed: number;
      groupTypes: Estimate[];
      covariates: Estimate[];
    };
  };
}

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
  await runSql(api.db.url, FIXTURE);
});
afterAll(() => api?.close());

const ask = async (outcome: string) => {
  const { data, errors } = await api.graphql<Answer>(QUERY, { filter: { asOf: '2025-06-30' }, outcome });
  expect(errors).toBeUndefined();
  return data!.adjustedComparison;
};
const estimates = (rows: Estimate[]) => ({
  estimate: rows.map((r) => r.estimate),
  se: rows.map((r) => r.se),
  ratio: rows.map((r) => r.ratio),
  lower: rows.map((r) => r.lower),
  upper: rows.map((r) => r.upper),
  z: rows.map((r) => r.z),
  p: rows.map((r) => r.pValue),
});

describe('adjustedComparison over HTTP, against R on the same episodes', () => {
  it('dropout: coxph(Surv(t, event) ~ group + co + base)', async () => {
    const answer = await ask('dropout');
    expect(answer.scope.asOf).toBe('2025-06-30');
    expect([answer.episodes, answer.leftOut, answer.referenceGroupType]).toEqual([18, 2, 'process']);
    const { dropout } = answer;
    const all = [...dropout.groupTypes, ...dropout.covariates];
    expect(all.map((e) => e.level)).toEqual(['skills', 'co-occurring disorder: yes', 'baseline days used']);
    const mine = estimates(all);
    expectRelative('fixture coef', mine.estimate, R.cox.coef);
    expectRelative('fixture se', mine.se, R.cox.se);
    expectRelative('fixture HR', mine.ratio, R.cox.hazardRatio);
    expectRelative('fixture lower', mine.lower, R.cox.lower);
    expectRelative('fixture upper', mine.upper, R.cox.upper);
    expectRelative('fixture p', mine.p, R.cox.p);
    expect([dropout.episodes, dropout.events]).toEqual([R.cox.n, R.cox.events]);
    for (const test of ['likelihoodRatio', 'wald', 'score'] as const) {
      expectRelative(
        `fixture ${test}`,
        [dropout[test].statistic, dropout[test].pValue],
        [R.cox[test].statistic, R.cox[test].p],
      );
      expect(dropout[test].df).toBe(3);
    }
    expectRelative('fixture C', dropout.concordance, R.cox.concordance);
    expect(dropout.proportionalHazards.map((t) => t.term)).toEqual([
      'group type',
      'co-occurring disorder',
      'baseline days used',
      'GLOBAL',
    ]);
    expectRelative(
      'fixture zph',
      dropout.proportionalHazards.map((t) => t.statistic),
      R.cox.zph.chiSquare,
    );
    expect(dropout.proportionalHazardsWarning).toBeNull();
    // The binned residuals: R's cox.zph(fit)$y per term, averaged over bins of its 8 events.
    const [groupTerm, , , global] = dropout.proportionalHazards;
    expect(groupTerm.constantLevel).toBeCloseTo(R.cox.coef[0], 12);
    expect(global.trend).toEqual([]);
    const rMean = R.cox.zph.scaledResiduals.group.reduce((a, b) => a + b, 0) / 8;
    const trend = groupTerm.trend;
    expect(trend.reduce((sum, p) => sum + p.events, 0)).toBe(8);
    expect(trend.reduce((sum, p) => sum + p.residual * p.events, 0) / 8).toBeCloseTo(rMean, 10);
  });

  it('adjusted curves as R (rowMeans of survfit with newdata), beside the unadjusted Kaplan–Meier', async () => {
    const { dropout } = await ask('dropout');
    expect(dropout.curves.map((c) => c.groupType)).toEqual(['process', 'skills']);
    dropout.curves.forEach((curve, g) => {
      expect(curve.adjusted.map((p) => p.days)).toEqual(R.curves[g].time);
      expectRelative(
        `fixture curve ${curve.groupType}`,
        curve.adjusted.map((p) => p.survival),
        R.curves[g].survival,
      );
    });
    // Process, unadjusted: 9 at risk; day 10: 2 dropouts → 7/9; day 30: 7 at risk, 1 dropout → ·6/7;
    // day 75: 5 at risk (P4 out at 30, P5 censored at 45) → ·4/5.
    expect(dropout.curves[0].unadjusted).toEqual([
      { days: 10, survival: expect.closeTo(7 / 9, 12) },
      { days: 30, survival: expect.closeTo((7 / 9) * (6 / 7), 12) },
      { days: 75, survival: expect.closeTo((7 / 9) * (6 / 7) * (4 / 5), 12) },
    ]);
  });

  it('completion: glm(completed ~ group + co + base, binomial) among discharged', async () => {
    const { completion } = await ask('completion');
    expect(completion.fitted).toBe(true);
    expect([completion.episodes, completion.completed]).toEqual([15, 5]);
    const mine = estimates([...completion.groupTypes, ...completion.covariates]);
    expectRelative('fixture glm estimate', mine.estimate, R.logistic.estimate.slice(1));
    expectRelative('fixture glm se', mine.se, R.logistic.se.slice(1));
    expectRelative('fixture glm OR', mine.ratio, R.logistic.oddsRatio.slice(1));
    expectRelative('fixture glm p', mine.p, R.logistic.p.slice(1));
  });
});

describe('adjustedComparison from the derived episode covariates', () => {
  it('answers as the live SQL does, reading derived.episode_covariate', async () => {
    await refreshDerivedTables(api.db.url);
    // Two operation names: two documents, so the figure cache cannot hand the first answer back.
    const query = (name: string) =>
      `query ${name} { adjustedComparison { episodes leftOut referenceGroupType dropout { events concordance groupTypes { level ratio } } } }`;
    const { result: derived, statements } = await recordStatements(() => api.graphql(query('Derived')));
    expect(statements.some((s) => s.includes('FROM derived.episode_covariate'))).toBe(true);
    setDerivedDataEnabled(false);
    try {
      const live = await api.graphql(query('Live'));
      expect(derived.errors).toBeUndefined();
      expect(derived.data).toEqual(live.data);
      expect(live.data).toMatchObject({ adjustedComparison: { episodes: 18, leftOut: 2 } });
    } finally {
      setDerivedDataEnabled(true);
    }
  });
});
