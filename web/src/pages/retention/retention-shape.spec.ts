import type { RetentionFiguresFragment, RetentionTotalFiguresFragment } from '../../gql/graphql';
import {
  describeLogRank,
  formatPValue,
  toCompletionFigures,
  toDischargeReasonFigures,
  toLengthOfStayFigures,
  toRetainedAtFigures,
} from './retention-shape';

const figures = (overrides: Partial<RetentionFiguresFragment>): RetentionFiguresFragment => ({
  groupType: null,
  episodes: 10,
  discharged: 4,
  medianLengthOfStay: 40,
  curve: [],
  retainedAt: [
    { days: 30, atRisk: 6, survival: 0.8, lower: 0.6, upper: 0.95 },
    { days: 90, atRisk: 0, survival: null, lower: null, upper: null },
  ],
  completion: { numerator: 3, denominator: 4, rate: 0.75, lower: 0.3, upper: 0.95 },
  ...overrides,
});

const totalFigures = (overrides: Partial<RetentionTotalFiguresFragment>): RetentionTotalFiguresFragment => ({
  ...figures({}),
  dropouts: 2,
  medianDaysToDropout: null,
  dischargeReasons: [
    { reason: 'completed', episodes: 3 },
    { reason: 'dropped_out', episodes: 1 },
  ],
  ...overrides,
});

describe('toRetainedAtFigures', () => {
  it('draws each served milestone with its interval and the episodes still followed', () => {
    expect(toRetainedAtFigures(figures({}), [])).toEqual([
      {
        category: '30 days',
        series: 'total',
        seriesLabel: 'All group types',
        value: 0.8,
        lower: 0.6,
        upper: 0.95,
        numerator: null,
        n: 6,
      },
    ]);
  });

  test.each([
    ['a type without episodes is left out', figures({ groupType: 'family', episodes: 0 }), 1],
    ['a type with episodes adds its bar', figures({ groupType: 'family' }), 2],
  ])('%s', (_name, byType, count) => {
    expect(toRetainedAtFigures(figures({}), [byType])).toHaveLength(count);
  });
});

describe('completion, length of stay and reasons', () => {
  test.each([
    [
      'completion needs discharges',
      toCompletionFigures,
      figures({ discharged: 0, completion: { numerator: 0, denominator: 0, rate: null, lower: null, upper: null } }),
      0,
    ],
    ['completion of a series with discharges', toCompletionFigures, figures({}), 1],
    ['length of stay needs discharges', toLengthOfStayFigures, figures({ discharged: 0 }), 0],
    ['length of stay of a series with discharges', toLengthOfStayFigures, figures({}), 1],
  ])('%s', (_name, shape, total, count) => {
    expect(shape(total, [])).toHaveLength(count);
  });

  it('gives each discharge reason its share of discharges', () => {
    expect(toDischargeReasonFigures(totalFigures({})).map((f) => [f.category, f.value, f.numerator, f.n])).toEqual([
      ['Completed', 0.75, 3, 4],
      ['Dropped out', 0.25, 1, 4],
    ]);
  });
});

describe('describeLogRank', () => {
  test.each([
    [{ chiSquare: 12.345, df: 4, pValue: 0.015 }, /is statistically significant \(χ² = 12\.35, df = 4, p = 0\.015/],
    [{ chiSquare: 1.2, df: 2, pValue: 0.55 }, /is not statistically significant \(χ² = 1\.20, df = 2, p = 0\.550/],
    [{ chiSquare: 40, df: 4, pValue: 0.00001 }, /p < 0\.001/],
    [null, /cannot be compared/],
  ])('%j', (comparison, text) => {
    expect(describeLogRank(comparison)).toMatch(text);
  });

  it('always says the comparison is unadjusted', () => {
    expect(describeLogRank({ chiSquare: 1, df: 1, pValue: 0.3 })).toContain('This comparison is unadjusted');
  });

  test.each([
    [0.0004, 'p < 0.001'],
    [0.001, 'p = 0.001'],
    [0.2346, 'p = 0.235'],
  ])('p-value %d reads %s', (p, text) => {
    expect(formatPValue(p)).toBe(text);
  });
});
