import type { SobrietyFiguresFragment, SobrietyTotalFiguresFragment } from '../../gql/graphql';
import { toAbstinenceFigures, toCravingFigures, toPdaFigures } from './sobriety-shape';

const proportion = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  rate: denominator ? numerator / denominator : null,
  lower: denominator ? 0.2 : null,
  upper: denominator ? 0.8 : null,
});

const figures = (overrides: Partial<SobrietyFiguresFragment>): SobrietyFiguresFragment => ({
  groupType: null,
  episodes: 10,
  percentDaysAbstinent: { mean: 0.8, n: 9 },
  pdaChangeFromBaseline: { mean: 0.3, n: 8 },
  cravingTrend: [
    { week: 0, meanCraving: 6, checkIns: 5 },
    { week: 1, meanCraving: null, checkIns: 0 },
  ],
  ...overrides,
});

const totalFigures = (): SobrietyTotalFiguresFragment => ({
  ...figures({}),
  abstinence: [
    { days: 30, eligible: 10, responderRate: proportion(3, 6), intentToTreatRate: proportion(3, 10) },
    { days: 90, eligible: 0, responderRate: proportion(0, 0), intentToTreatRate: proportion(0, 0) },
  ],
});

describe('toPdaFigures', () => {
  test.each([
    [
      'two bars per series, total first',
      [figures({ groupType: 'skills' })],
      ['All group types', 'All group types', 'Skills', 'Skills'],
    ],
    [
      'a type without episodes is left out',
      [figures({ groupType: 'family', episodes: 0 })],
      ['All group types', 'All group types'],
    ],
  ])('%s', (_name, byType, categories) => {
    expect(toPdaFigures(figures({}), byType).map((f) => f.category)).toEqual(categories);
  });

  it('keeps the n of each mean', () => {
    expect(toPdaFigures(figures({}), []).map((f) => [f.series, f.value, f.n])).toEqual([
      ['pda', 0.8, 9],
      ['pdaChange', 0.3, 8],
    ]);
  });
});

describe('toAbstinenceFigures', () => {
  test.each([
    ['responder', 0.5, 6],
    ['intentToTreat', 0.3, 10],
  ])('the %s rate of a milestone with eligible episodes', (series, rate, n) => {
    const f = toAbstinenceFigures(totalFigures()).find((x) => x.series === series);
    expect(f).toMatchObject({ category: '30 days', value: rate, n, numerator: 3, lower: 0.2, upper: 0.8 });
  });

  it('leaves out a milestone nobody is eligible for yet', () => {
    expect(toAbstinenceFigures(totalFigures()).map((f) => f.category)).toEqual(['30 days', '30 days']);
  });
});

describe('toCravingFigures', () => {
  test.each([
    ['a week without check-ins is a gap', [], [['0', 'total', 6, 5]]],
    [
      'types follow the total within a week',
      [figures({ groupType: 'process', cravingTrend: [{ week: 0, meanCraving: 4, checkIns: 2 }] })],
      [
        ['0', 'total', 6, 5],
        ['0', 'process', 4, 2],
      ],
    ],
  ])('%s', (_name, byType, expected) => {
    expect(toCravingFigures(figures({}), byType).map((f) => [f.category, f.series, f.value, f.n])).toEqual(expected);
  });
});
