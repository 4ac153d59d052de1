import { adjustedCurves } from './adjusted-survival';
import { fitCox } from './cox-model';
import { completeRows, expectRelative, patterns, R } from './testing/r-reference/r-reference';

const { lung } = R.data;

describe('adjustedCurves against R: rowMeans(survfit(fit, newdata = everyone with sex set)$surv)', () => {
  it('lung ~ sex + age + ph.ecog, curves for male and female', () => {
    const rows = completeRows(lung, ['time', 'status', 'age', 'sex', 'phEcog']);
    const fit = fitCox({
      terms: [
        { name: 'sex', columns: ['sexffemale'] },
        { name: 'age', columns: ['age'] },
        { name: 'ph.ecog', columns: ['ph.ecog'] },
      ],
      patterns: patterns(
        rows,
        (i) => lung.time[i],
        (i) => lung.status[i] === 2,
        (i) => [lung.sex[i] === 2 ? 1 : 0, lung.age[i], lung.phEcog[i]!],
      ),
    })!;
    expectRelative(
      'adjusted coef',
      fit.coefficients.map((c) => c.estimate),
      R.lungAdjustedCurves.coef,
    );
    const curves = adjustedCurves(fit.model, 'sex', [
      { group: 'male', column: null },
      { group: 'female', column: 'sexffemale' },
    ]);
    expect(curves.map((c) => c.group)).toEqual(['male', 'female']);
    curves.forEach((curve, g) => {
      const r = R.lungAdjustedCurves.curves[g];
      expect(curve.points.map((p) => p.time)).toEqual(r.time);
      expectRelative(
        `adjusted ${curve.group}`,
        curve.points.map((p) => p.survival),
        r.survival,
      );
    });
  });
});
