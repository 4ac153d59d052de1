import { fitCox } from './cox-model';
import { coxZph, scaledSchoenfeldResiduals } from './cox-zph';
import { completeRows, expectRelative, merge, patterns, R } from './testing/r-reference/r-reference';

const { aml, lung } = R.data;
const lungComplete = completeRows(lung, ['time', 'status', 'age', 'sex', 'phEcog']);
interface ZphReference {
  terms: string[];
  chiSquare: number[];
  df: number[];
  p: number[];
}

function expectSameAsR(label: string, check: ReturnType<typeof coxZph>, r: ZphReference): void {
  const rows = [...check!.terms, check!.global];
  expect(rows.map((t) => t.term)).toEqual(r.terms);
  expectRelative(
    `${label} zph chisq`,
    rows.map((t) => t.statistic),
    r.chiSquare,
  );
  expect(rows.map((t) => t.df)).toEqual(r.df);
  expectRelative(
    `${label} zph p`,
    rows.map((t) => t.pValue),
    r.p,
  );
}

describe('coxZph against R cox.zph(fit) (KM transform, per term and global)', () => {
  it('aml ~ x', () => {
    const fit = fitCox({
      terms: [{ name: 'x', columns: ['xNonmaintained'] }],
      patterns: patterns(
        aml.time.map((_, i) => i),
        (i) => aml.time[i],
        (i) => aml.status[i] === 1,
        (i) => [aml.x[i] === 'Nonmaintained' ? 1 : 0],
      ),
    })!;
    expectSameAsR('aml', coxZph(fit.model), R.amlCox.zph);
  });

  it('lung ~ age + sex + ph.ecog: global 4.4636575888 on 3 df', () => {
    const fit = fitCox({
      terms: ['age', 'sex', 'ph.ecog'].map((name) => ({ name, columns: [name] })),
      patterns: patterns(
        lungComplete,
        (i) => lung.time[i],
        (i) => lung.status[i] === 2,
        (i) => [lung.age[i], lung.sex[i], lung.phEcog[i]!],
      ),
    })!;
    const check = coxZph(fit.model)!;
    expectSameAsR('lung', check, R.lungCox.zph);
    expect(check.global.statistic).toBeCloseTo(4.4636575888, 9);
    expect(check.global.df).toBe(3);
  });

  it('a factor is tested as one term with its columns together (2 df)', () => {
    const rows = lungComplete.filter((i) => lung.phEcog[i]! < 3);
    const fit = fitCox({
      terms: [
        { name: 'age', columns: ['age'] },
        { name: 'sex', columns: ['sex'] },
        { name: 'ecog', columns: ['ecog1', 'ecog2'] },
      ],
      patterns: patterns(
        rows,
        (i) => lung.time[i],
        (i) => lung.status[i] === 2,
        (i) => [lung.age[i], lung.sex[i], lung.phEcog[i] === 1 ? 1 : 0, lung.phEcog[i] === 2 ? 1 : 0],
      ),
    })!;
    expectSameAsR('lung factor', coxZph(fit.model), R.lungFactorCox.zph);
  });

  it('heavy ties: months', () => {
    const fit = fitCox({
      terms: ['age', 'sex'].map((name) => ({ name, columns: [name] })),
      patterns: patterns(
        lung.time.map((_, i) => i),
        (i) => Math.floor(lung.time[i] / 30),
        (i) => lung.status[i] === 2,
        (i) => [lung.age[i], lung.sex[i]],
      ),
    })!;
    expectSameAsR('lung months', coxZph(fit.model), R.lungMonthsCox.zph);
  });
});

describe('coxZph on counted covariate patterns', () => {
  it('gives the per-row answer when tied rows are merged into counts', () => {
    const rows = patterns(
      lung.time.map((_, i) => i),
      (i) => Math.floor(lung.time[i] / 30),
      (i) => lung.status[i] === 2,
      (i) => [lung.sex[i]],
    );
    const merged = merge(rows);
    expect(merged.length).toBeLessThan(rows.length / 2);
    const terms = [{ name: 'sex', columns: ['sex'] }];
    const perRow = coxZph(fitCox({ terms, patterns: rows })!.model)!;
    const counted = coxZph(fitCox({ terms, patterns: merged })!.model)!;
    expectRelative('zph counted', counted.global.statistic, perRow.global.statistic, 1e-10);
  });
});

describe('scaledSchoenfeldResiduals against R cox.zph(fit)$y', () => {
  /** Rows expanded by count and sorted within each time, as a multiset comparable with R's rows. */
  const expanded = (result: ReturnType<typeof scaledSchoenfeldResiduals>) =>
    result.points
      .flatMap((point) => Array.from({ length: point.count }, () => point))
      .sort((a, b) => a.time - b.time || a.values[0] - b.values[0]);
  const rSorted = (zph: { time: number[]; transformedTime: number[]; scaledResiduals: Record<string, number[]> }) => {
    const columns = Object.values(zph.scaledResiduals);
    return zph.time
      .map((time, i) => ({ time, transformedTime: zph.transformedTime[i], values: columns.map((c) => c[i]) }))
      .sort((a, b) => a.time - b.time || a.values[0] - b.values[0]);
  };

  it('aml and lung (one column per term), lung with a 2-column factor', () => {
    const cases = [
      {
        label: 'aml',
        fit: fitCox({
          terms: [{ name: 'x', columns: ['xNonmaintained'] }],
          patterns: patterns(
            aml.time.map((_, i) => i),
            (i) => aml.time[i],
            (i) => aml.status[i] === 1,
            (i) => [aml.x[i] === 'Nonmaintained' ? 1 : 0],
          ),
        })!,
        r: R.amlCox.zph,
      },
      {
        label: 'lung',
        fit: fitCox({
          terms: ['age', 'sex', 'ph.ecog'].map((name) => ({ name, columns: [name] })),
          patterns: patterns(
            lungComplete,
            (i) => lung.time[i],
            (i) => lung.status[i] === 2,
            (i) => [lung.age[i], lung.sex[i], lung.phEcog[i]!],
          ),
        })!,
        r: R.lungCox.zph,
      },
      {
        label: 'lung factor',
        fit: fitCox({
          terms: [
            { name: 'age', columns: ['age'] },
            { name: 'sex', columns: ['sex'] },
            { name: 'ecog', columns: ['ecog1', 'ecog2'] },
          ],
          patterns: patterns(
            lungComplete.filter((i) => lung.phEcog[i]! < 3),
            (i) => lung.time[i],
            (i) => lung.status[i] === 2,
            (i) => [lung.age[i], lung.sex[i], lung.phEcog[i] === 1 ? 1 : 0, lung.phEcog[i] === 2 ? 1 : 0],
          ),
        })!,
        r: R.lungFactorCox.zph,
      },
    ];
    for (const { label, fit, r } of cases) {
      const mine = expanded(scaledSchoenfeldResiduals(fit.model));
      const theirs = rSorted(r);
      expect(mine.map((m) => m.time)).toEqual(theirs.map((t) => t.time));
      expectRelative(
        `${label} zph x`,
        mine.map((m) => m.transformedTime),
        theirs.map((t) => t.transformedTime),
      );
      theirs[0].values.forEach((_, j) =>
        expectRelative(
          `${label} zph y[${j}]`,
          mine.map((m) => m.values[j]),
          theirs.map((t) => t.values[j]),
          1e-8,
        ),
      );
    }
  });
});
