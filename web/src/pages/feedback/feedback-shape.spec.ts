import type { SessionFeedbackFiguresFragment, SessionFeedbackWeekFiguresFragment } from '../../gql/graphql';
import { scoreAxis, toAllianceFlagFigures, toItemMeanFigures, toMeanScoreFigures } from './feedback-shape';

const figures = (responses: number, meanScore: number | null = 36): SessionFeedbackFiguresFragment => ({
  responses,
  meanScore,
  meanRelationship: 9,
  meanGoalsTopics: 8.5,
  meanApproach: 9.5,
  meanOverall: 9,
});

const weekFigures = (responses: number, meanScore: number | null = 36): SessionFeedbackWeekFiguresFragment => ({
  responses,
  meanScore,
  allianceFlag: {
    numerator: 1,
    denominator: responses,
    rate: responses ? 1 / responses : null,
    lower: 0.1,
    upper: 0.5,
  },
});

describe('toMeanScoreFigures', () => {
  test.each([
    ['the total alone', [], [['All group types', 36, 4]]],
    [
      'a type without responses is left out',
      [
        { groupType: 'skills' as const, figures: figures(3, 35) },
        { groupType: 'family' as const, figures: figures(0, null) },
      ],
      [
        ['All group types', 36, 4],
        ['Skills', 35, 3],
      ],
    ],
  ])('%s', (_name, byType, expected) => {
    expect(toMeanScoreFigures(figures(4), byType).map((f) => [f.category, f.value, f.n])).toEqual(expected);
  });
});

describe('toItemMeanFigures', () => {
  it('draws four items for every series, item by item', () => {
    const result = toItemMeanFigures(figures(4), [{ groupType: 'process', figures: figures(2) }]);
    expect(result.map((f) => `${f.category}/${f.series}`)).toEqual([
      'Relationship/total',
      'Relationship/process',
      'Goals and topics/total',
      'Goals and topics/process',
      'Approach or method/total',
      'Approach or method/process',
      'Overall/total',
      'Overall/process',
    ]);
  });
});

describe('toAllianceFlagFigures', () => {
  test.each([
    ['a week with responses gives its rate and interval', weekFigures(4), [['2025-01-06', 'total', 0.25, 0.1, 0.5, 4]]],
    ['a week without responses gives nothing', weekFigures(0, null), []],
  ])('%s', (_name, total, expected) => {
    expect(
      toAllianceFlagFigures([{ weekStart: '2025-01-06', total }]).map((f) => [
        f.category,
        f.series,
        f.value,
        f.lower,
        f.upper,
        f.n,
      ]),
    ).toEqual(expected);
  });
});

describe('the score axis', () => {
  it('starts below the lowest mean drawn, at a multiple of 4, so that differences near 36 show', () => {
    expect(
      scoreAxis([
        { value: 37.2, lower: 36.1 },
        { value: 35.4, lower: 33.9 },
      ]),
    ).toEqual({
      domain: [28, 40],
      ticks: [28, 32, 36, 40],
    });
  });

  it('goes down to 0 for low means, and keeps the 36 cut-off as a tick', () => {
    expect(scoreAxis([{ value: 3, lower: 1 }]).domain).toEqual([0, 40]);
    expect(scoreAxis([{ value: 21, lower: 19 }]).ticks).toEqual([12, 16, 20, 24, 28, 32, 36, 40]);
  });

  it('is the whole scale when nothing is drawn', () => {
    expect(scoreAxis([]).domain).toEqual([0, 40]);
  });
});
