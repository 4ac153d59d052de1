import { fitCox, type CoxFit } from './cox-model';
import { completeRows, expectRelative, merge, patterns, R } from './testing/r-reference/r-reference';

const { aml, lung } = R.data;
const amlPatterns = (levels: string[], data = aml) =>
  patterns(
    data.time.map((_, i) => i),
    (i) => data.time[i],
    (i) => data.status[i] === 1,
    (i) => levels.map((level) => (data.x[i] === level ? 1 : 0)),
  );
const lungComplete = completeRows(lung, ['time', 'status', 'age', 'sex', 'phEcog']);
const lungPatterns = (rows: number[], x: (i: number) => number[], time = (i: number) => lung.time[i]) =>
  patterns(rows, time, (i) => lung.status[i] === 2, x);

type CoxReference = typeof R.lungConstantCox; // nullable arrays, no zph: every fit fits it
function expectSameAsR(label: string, fit: CoxFit | null, r: CoxReference): void {
  expect(fit).not.toBeNull();
  const c = fit!.coefficients;
  expect(c.map((x) => x.column)).toEqual(r.terms);
  expectRelative(
    `${label} coef`,
    c.map((x) => x.estimate),
    r.coef,
  );
  expectRelative(
    `${label} se`,
    c.map((x) => x.se),
    r.se,
  );
  expectRelative(
    `${label} HR`,
    c.map((x) => x.ratio),
    r.hazardRatio,
  );
  expectRelative(
    `${label} lower`,
    c.map((x) => x.lower),
    r.lower,
  );
  expectRelative(
    `${label} upper`,
    c.map((x) => x.upper),
    r.upper,
  );
  expectRelative(
    `${label} z`,
    c.map((x) => x.z),
    r.z,
  );
  expectRelative(
    `${label} p`,
    c.map((x) => x.pValue),
    r.p,
  );
  expectRelative(`${label} loglik`, fit!.logLikelihood, r.loglik);
  expect([fit!.n, fit!.events]).toEqual([r.n, r.events]);
  for (const test of ['likelihoodRatio', 'wald', 'score'] as const) {
    expectRelative(`${label} ${test}`, fit![test].statistic, r[test].statistic);
    expect(fit![test].df).toBe(r[test].df);
    expectRelative(`${label} ${test} p`, fit![test].pValue, r[test].p);
  }
  expectRelative(`${label} concordance`, fit!.concordance, r.concordance);
}

describe('fitCox against R coxph (Efron ties)', () => {
  it('aml: coxph(Surv(time, status) ~ x)', () => {
    const fit = fitCox({
      terms: [{ name: 'x', columns: ['xNonmaintained'] }],
      patterns: amlPatterns(['Nonmaintained']),
    });
    expectSameAsR('aml', fit, R.amlCox);
    // The brief's published figures, to the digits given.
    expect(fit!.coefficients[0].estimate).toBeCloseTo(0.915532575, 9);
    expect(fit!.coefficients[0].se).toBeCloseTo(0.5119342752, 10);
    expect(fit!.likelihoodRatio.statistic).toBeCloseTo(3.3844473326, 10);
    expect(fit!.score.statistic).toBeCloseTo(3.41673439552, 10);
    expect(fit!.concordance).toBeCloseTo(0.61904761905, 10);
  });

  it('lung: coxph(Surv(time, status) ~ age + sex + ph.ecog)', () => {
    const fit = fitCox({
      terms: ['age', 'sex', 'ph.ecog'].map((name) => ({ name, columns: [name] })),
      patterns: lungPatterns(lungComplete, (i) => [lung.age[i], lung.sex[i], lung.phEcog[i]!]),
    });
    expectSameAsR('lung', fit, R.lungCox);
    expect(fit!.coefficients.map((c) => c.ratio)).toEqual([
      expect.closeTo(1.0111282277, 10),
      expect.closeTo(0.5754445562, 10),
      expect.closeTo(1.5899911901, 10),
    ]);
  });

  it('the same fit from counted covariate patterns as from one row per subject', () => {
    const rows = lungPatterns(lungComplete, (i) => [lung.sex[i], lung.phEcog[i]!]);
    const merged = merge(rows.map((r) => ({ ...r, time: Math.floor(r.time / 30) })));
    const perRow = fitCox({
      terms: [
        { name: 'sex', columns: ['sex'] },
        { name: 'ecog', columns: ['ecog'] },
      ],
      patterns: rows.map((r) => ({ ...r, time: Math.floor(r.time / 30) })),
    });
    const counted = fitCox({
      terms: [
        { name: 'sex', columns: ['sex'] },
        { name: 'ecog', columns: ['ecog'] },
      ],
      patterns: merged,
    });
    expect(merged.length).toBeLessThan(rows.length * 0.7);
    expectRelative(
      'counted coef',
      counted!.coefficients.map((c) => c.estimate),
      perRow!.coefficients.map((c) => c.estimate),
      1e-10,
    );
    expectRelative(
      'counted se',
      counted!.coefficients.map((c) => c.se),
      perRow!.coefficients.map((c) => c.se),
      1e-10,
    );
    expectRelative('counted C', counted!.concordance, perRow!.concordance, 1e-12);
  });

  it('a factor term with two columns: lung, ph.ecog < 3 as a factor', () => {
    const rows = lungComplete.filter((i) => lung.phEcog[i]! < 3);
    const fit = fitCox({
      terms: [
        { name: 'age', columns: ['age'] },
        { name: 'sex', columns: ['sex'] },
        { name: 'ecog', columns: ['ecog1', 'ecog2'] },
      ],
      patterns: lungPatterns(rows, (i) => [
        lung.age[i],
        lung.sex[i],
        lung.phEcog[i] === 1 ? 1 : 0,
        lung.phEcog[i] === 2 ? 1 : 0,
      ]),
    });
    expectSameAsR('lung factor', fit, R.lungFactorCox);
  });

  it('heavy ties: time in whole months', () => {
    const fit = fitCox({
      terms: ['age', 'sex'].map((name) => ({ name, columns: [name] })),
      patterns: lungPatterns(
        lung.time.map((_, i) => i),
        (i) => [lung.age[i], lung.sex[i]],
        (i) => Math.floor(lung.time[i] / 30),
      ),
    });
    expectSameAsR('lung months', fit, R.lungMonthsCox);
  });

  it('a factor level with no events: flagged as not estimable, the other level as R', () => {
    const empty = {
      time: [...aml.time, 10, 20, 30, 40],
      status: [...aml.status, 0, 0, 0, 0],
      x: [...aml.x, 'Empty', 'Empty', 'Empty', 'Empty'],
    };
    const fit = fitCox({
      terms: [{ name: 'x', columns: ['xNonmaintained', 'xEmpty'] }],
      patterns: amlPatterns(['Nonmaintained', 'Empty'], empty),
    })!;
    expect(R.amlEmptyLevelCox.warning).toMatch(/coefficient may be infinite/);
    expect(fit.coefficients.map((c) => c.mayBeInfinite)).toEqual([false, true]);
    expectRelative('empty level: other coef', fit.coefficients[0].estimate, R.amlEmptyLevelCox.coef[0]);
    expect(fit.coefficients[1].estimate!).toBeLessThan(-10);
    expect(fit.notes.join(' ')).toMatch(/xEmpty: the model cannot estimate this hazard ratio/);
  });

  it('a covariate constant within the data is aliased (R: NA) with a note; the rest as R', () => {
    const fit = fitCox({
      terms: ['age', 'program', 'sex'].map((name) => ({ name, columns: [name] })),
      patterns: lungPatterns(
        lung.time.map((_, i) => i),
        (i) => [lung.age[i], 1, lung.sex[i]],
      ),
    });
    expectSameAsR('constant', fit, R.lungConstantCox);
    expect(fit!.coefficients[1].aliased).toBe(true);
    expect(fit!.notes).toEqual([expect.stringMatching(/^program is constant .* no estimate \(R: NA\)/)]);
  });

  it('no events: no model', () => {
    expect(
      fitCox({ terms: [{ name: 'x', columns: ['x'] }], patterns: [{ time: 3, event: false, count: 4, x: [1] }] }),
    ).toBeNull();
  });

  it('refuses fractional counts', () => {
    expect(() => fitCox({ terms: [], patterns: [{ time: 3, event: true, count: 1.5, x: [] }] })).toThrow(
      /whole number/,
    );
  });
});
