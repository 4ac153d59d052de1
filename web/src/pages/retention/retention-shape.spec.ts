import { formatPValue } from '../../charts/format';
import type { RetentionFiguresFragment, RetentionTotalFiguresFragment } from '../../gql/graphql';
import {
  describeLogRank,
  LOG_RANK_COLUMNS,
  toCompletionFigures,
  toDischargeReasonFigures,
  toLengthOfStayFigures,
  toLogRankRows,
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

describe('toLogRankRows', () => {
  // survdiff of R's aml data set: Maintained 11 episodes, 7 dropouts observed, 10.69 expected;
  // Nonmaintained 12, 11 observed, 7.31 expected.
  const comparison = {
    chiSquare: 3.3964,
    df: 1,
    pValue: 0.0653,
    groups: [
      { groupType: 'skills' as const, episodes: 11, observed: 7, expected: 10.69 },
      { groupType: 'process' as const, episodes: 12, observed: 11, expected: 7.31 },
    ],
  };

  it('lists each group type with its observed and expected dropouts and their ratio', () => {
    const rows = toLogRankRows(comparison);
    expect(rows.map((r) => [r.groupType, r.episodes, r.observed, r.expected])).toEqual([
      ['Skills', 11, 7, 10.69],
      ['Process', 12, 11, 7.31],
    ]);
    expect(rows[0]!.ratio).toBeCloseTo(0.655, 3);
    expect(rows[1]!.ratio).toBeCloseTo(1.505, 3);
    const ratio = LOG_RANK_COLUMNS.find((c) => c.label === 'Observed ÷ expected')!;
    expect(ratio.format!(ratio.value(rows[1]!), rows[1]!)).toBe('1.50');
  });

  it('has no ratio where nothing was expected, and no rows without a comparison', () => {
    const none = { ...comparison, groups: [{ groupType: 'family' as const, episodes: 3, observed: 0, expected: 0 }] };
    expect(toLogRankRows(none)[0]!.ratio).toBeNull();
    expect(toLogRankRows(null)).toEqual([]);
  });
});
