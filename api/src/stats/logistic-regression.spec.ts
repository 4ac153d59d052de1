import { fitLogistic, INTERCEPT, type LogisticFit, type BinomialPattern } from './logistic-regression';
import { expectRelative, R } from './testing/r-reference/r-reference';

const { lung } = R.data;
const everyRow = lung.time.map((_, i) => i);
const died = (i: number) => (lung.status[i] === 2 ? 1 : 0);
const rowPatterns = (rows: number[], x: (i: number) => number[]): BinomialPattern[] =>
  rows.map((i) => ({ successes: died(i), trials: 1, x: x(i) }));

type GlmReference = typeof R.lungConstantLogistic; // nullable arrays: every fit fits it
function expectSameAsR(label: string, result: ReturnType<typeof fitLogistic>, r: GlmReference, tolerance = 1e-9): void {
  expect(result.fitted).toBe(true);
  const fit = result as LogisticFit;
  expect(fit.coefficients.map((c) => c.column)).toEqual(r.terms);
  expectRelative(
    `${label} estimate`,
    fit.coefficients.map((c) => c.estimate),
    r.estimate,
    tolerance,
  );
  expectRelative(
    `${label} se`,
    fit.coefficients.map((c) => c.se),
    r.se,
    tolerance,
  );
  expectRelative(
    `${label} OR`,
    fit.coefficients.map((c) => c.ratio),
    r.oddsRatio,
    tolerance,
  );
  expectRelative(
    `${label} lower`,
    fit.coefficients.map((c) => c.lower),
    r.lower,
    tolerance,
  );
  expectRelative(
    `${label} upper`,
    fit.coefficients.map((c) => c.upper),
    r.upper,
    tolerance,
  );
  expectRelative(
    `${label} z`,
    fit.coefficients.map((c) => c.z),
    r.z,
    tolerance,
  );
  expectRelative(
    `${label} p`,
    fit.coefficients.map((c) => c.pValue),
    r.p,
    tolerance,
  );
  expectRelative(`${label} deviance`, [fit.deviance, fit.nullDeviance], [r.deviance, r.nullDeviance], tolerance);
}

describe('fitLogistic against R glm(family = binomial)', () => {
  it('lung: glm(I(status == 2) ~ age + sex)', () => {
    const result = fitLogistic({
      terms: [
        { name: 'age', columns: ['age'] },
        { name: 'sex', columns: ['sex'] },
      ],
      patterns: rowPatterns(everyRow, (i) => [lung.age[i], lung.sex[i]]),
    });
    expectSameAsR('lung glm', result, R.lungLogistic);
    const fit = result as LogisticFit;
    expect(fit.coefficients.map((c) => c.estimate)).toEqual([
      expect.closeTo(0.51506807561, 10),
      expect.closeTo(0.03188835528, 10),
      expect.closeTo(-1.04838785008, 10),
    ]);
    expect(fit.coefficients.map((c) => c.se)).toEqual([
      expect.closeTo(1.17421538031, 10),
      expect.closeTo(0.01701113935, 10),
      expect.closeTo(0.30844499968, 10),
    ]);
  });

  it('the same from counts per covariate pattern (k of n)', () => {
    const byPattern = new Map<string, BinomialPattern>();
    for (const i of everyRow) {
      const key = `${lung.age[i]}|${lung.sex[i]}`;
      const pattern = byPattern.get(key) ?? { successes: 0, trials: 0, x: [lung.age[i], lung.sex[i]] };
      pattern.successes += died(i);
      pattern.trials += 1;
      byPattern.set(key, pattern);
    }
    expect(byPattern.size).toBeLessThan(everyRow.length / 2);
    const result = fitLogistic({
      terms: [
        { name: 'age', columns: ['age'] },
        { name: 'sex', columns: ['sex'] },
      ],
      patterns: [...byPattern.values()],
    });
    expectSameAsR('lung glm counted', result, R.lungLogistic);
  });

  it('a factor term: glm(I(status == 2) ~ age + factor(ph.ecog)), ph.ecog < 3', () => {
    const rows = everyRow.filter((i) => lung.phEcog[i] !== null && lung.phEcog[i]! < 3);
    const result = fitLogistic({
      terms: [
        { name: 'age', columns: ['age'] },
        { name: 'ecog', columns: ['ecog1', 'ecog2'] },
      ],
      patterns: rowPatterns(rows, (i) => [lung.age[i], lung.phEcog[i] === 1 ? 1 : 0, lung.phEcog[i] === 2 ? 1 : 0]),
    });
    expectSameAsR('lung glm factor', result, R.lungFactorLogistic);
  });

  it('a covariate constant within the data is aliased (R: NA) with a note', () => {
    const result = fitLogistic({
      terms: ['age', 'program', 'sex'].map((name) => ({ name, columns: [name] })),
      patterns: rowPatterns(everyRow, (i) => [lung.age[i], 1, lung.sex[i]]),
    });
    expectSameAsR('lung glm constant', result, R.lungConstantLogistic);
    expect((result as LogisticFit).notes).toEqual([expect.stringMatching(/^program is constant/)]);
    expect((result as LogisticFit).coefficients[0].column).toBe(INTERCEPT);
  });

  it('quasi-complete separation (every "old" subject died; R converges silently to a huge estimate): a message, no numbers', () => {
    const { old, died: outcome } = R.separatedLogistic.data;
    const result = fitLogistic({
      terms: [{ name: 'old', columns: ['old'] }],
      patterns: old.map((value, i) => ({ successes: outcome[i], trials: 1, x: [value] })),
    });
    expect(result).toEqual({
      fitted: false,
      n: 10,
      successes: 6,
      message: expect.stringMatching(
        /^old: all of its 5 episodes had the outcome, so its odds ratio is infinite \(separation\)/,
      ),
    });
  });

  it('complete separation on a numeric covariate: a message, no numbers', () => {
    const result = fitLogistic({
      terms: [{ name: 'days', columns: ['days'] }],
      patterns: [1, 2, 3, 4, 5, 6, 7, 8].map((days) => ({ successes: days > 4 ? 1 : 0, trials: 1, x: [days] })),
    });
    expect(result.fitted).toBe(false);
    expect(!result.fitted && result.message).toMatch(/separat/);
  });

  it('an outcome nobody had: a message', () => {
    const result = fitLogistic({ terms: [], patterns: [{ successes: 0, trials: 12, x: [] }] });
    expect(result).toMatchObject({
      fitted: false,
      message: 'None of the 12 episodes had the outcome: there is nothing to compare.',
    });
  });
});
