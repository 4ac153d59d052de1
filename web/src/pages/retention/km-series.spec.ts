import type { RetentionFiguresFragment } from '../../gql/graphql';
import { toAtRiskTable, toKmSeries } from './km-series';

const figures = (overrides: Partial<RetentionFiguresFragment>): RetentionFiguresFragment => ({
  groupType: null,
  episodes: 10,
  discharged: 4,
  medianLengthOfStay: 40,
  curve: [
    { days: 12, atRisk: 9, events: 1, censored: 0, survival: 0.889, lower: 0.7, upper: 1 },
    { days: 30, atRisk: 6, events: 1, censored: 2, survival: 0.741, lower: 0.5, upper: 1 },
  ],
  retainedAt: [
    { days: 30, atRisk: 6, survival: 0.741, lower: 0.5, upper: 1 },
    { days: 60, atRisk: 3, survival: 0.741, lower: 0.5, upper: 1 },
  ],
  completion: { numerator: 2, denominator: 4, rate: 0.5, lower: 0.15, upper: 0.85 },
  ...overrides,
});

describe('toKmSeries', () => {
  it('starts every curve at day 0 with everyone retained and at risk', () => {
    const [total] = toKmSeries(figures({}), []);
    expect(total.points[0]).toMatchObject({ days: 0, survival: 1, atRisk: 10, events: 0, lower: 1, upper: 1 });
    expect(total.points.map((p) => p.days)).toEqual([0, 12, 30, 60]);
  });

  it('runs a curve on flat to the last milestone still followed, beyond its last dropout', () => {
    const retainedAt = [
      { days: 30, atRisk: 6, survival: 0.741, lower: 0.5, upper: 1 },
      { days: 60, atRisk: 3, survival: 0.741, lower: 0.5, upper: 1 },
      { days: 90, atRisk: 0, survival: null, lower: null, upper: null },
    ];
    const [total] = toKmSeries(figures({ retainedAt }), []);
    expect(total.points.map((p) => [p.kind, p.days, p.survival, p.atRisk])).toEqual([
      ['start', 0, 1, 10],
      ['dropout day', 12, 0.889, 9],
      ['dropout day', 30, 0.741, 6],
      ['follow-up', 60, 0.741, 3],
    ]);
  });

  test.each([
    ['no milestone beyond the last dropout', [{ days: 30, atRisk: 6, survival: 0.741, lower: 0.5, upper: 1 }]],
    ['a later milestone nobody is followed to', [{ days: 60, atRisk: 0, survival: null, lower: null, upper: null }]],
  ])('adds no follow-up point with %s', (_name, retainedAt) => {
    const [total] = toKmSeries(figures({ retainedAt }), []);
    expect(total.points.map((p) => p.kind)).not.toContain('follow-up');
  });

  it('does not add a start point when the API already has a dropout on day 0', () => {
    const curve = [{ days: 0, atRisk: 10, events: 1, censored: 0, survival: 0.9, lower: 0.7, upper: 1 }];
    expect(toKmSeries(figures({ curve }), [])[0].points.map((p) => p.days)).toEqual([0, 60]);
  });

  test.each([
    [
      'total first, then group types in served order',
      [figures({ groupType: 'skills' }), figures({ groupType: 'family' })],
      ['total', 'skills', 'family'],
    ],
    [
      'a group type without episodes is left out',
      [figures({ groupType: 'skills', episodes: 0, curve: [] })],
      ['total'],
    ],
  ] as const)('%s', (_name, byType, keys) => {
    expect(toKmSeries(figures({}), byType).map((s) => s.key)).toEqual(keys);
  });

  it('labels every point with its series, for the table and CSV', () => {
    const series = toKmSeries(figures({}), [figures({ groupType: 'trauma_informed' })]);
    expect(series[1].points.every((p) => p.seriesLabel === 'Trauma-informed')).toBe(true);
  });
});

describe('toAtRiskTable', () => {
  it('has day 0 (all episodes) and each served milestone', () => {
    const table = toAtRiskTable(figures({}), [figures({ groupType: 'process', episodes: 4 })]);
    expect(table.days).toEqual([0, 30, 60]);
    expect(table.rows.map((r) => [r.label, [...r.atRisk.entries()]])).toEqual([
      [
        'All group types',
        [
          [0, 10],
          [30, 6],
          [60, 3],
        ],
      ],
      [
        'Process',
        [
          [0, 4],
          [30, 6],
          [60, 3],
        ],
      ],
    ]);
  });
});
