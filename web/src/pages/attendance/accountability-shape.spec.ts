import type { EpisodeAccountabilityFiguresFragment, SessionAccountabilityFiguresFragment } from '../../gql/graphql';
import { toAccountabilityFigures } from './accountability-shape';

const p = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  rate: denominator ? numerator / denominator : null,
  lower: null,
  upper: null,
});
const session = (n: number): SessionAccountabilityFiguresFragment => ({
  consistency: p(1, n),
  feedbackParticipation: p(1, n),
  reEngagement: p(0, n),
});
const episode = (
  groupType: EpisodeAccountabilityFiguresFragment['groupType'],
  n: number,
): EpisodeAccountabilityFiguresFragment => ({
  groupType,
  checkInAdherence: { numerator: 1, denominator: n, rate: n ? 1 / n : null },
  goalAttainment: { numerator: 1, denominator: n, rate: n ? 1 / n : null },
});

describe('toAccountabilityFigures', () => {
  test.each([
    [
      'five measures for the total and each type, in measure order',
      { total: session(2), byGroupType: [{ groupType: 'skills' as const, figures: session(2) }] },
      { total: episode(null, 2), byGroupType: [episode('skills', 2)] },
      10,
      'Consistency',
    ],
    [
      'a measure with no denominator is not drawn',
      { total: session(0), byGroupType: [] },
      { total: episode(null, 4), byGroupType: [] },
      2,
      'Check-in adherence',
    ],
    [
      'a type only in the episode report still gets its episode measures',
      { total: session(2), byGroupType: [] },
      { total: episode(null, 2), byGroupType: [episode('family', 3)] },
      7,
      'Consistency',
    ],
  ])('%s', (_name, s, e, count, first) => {
    const figures = toAccountabilityFigures(s, e);
    expect(figures).toHaveLength(count);
    expect(figures[0].category).toBe(first);
  });

  it('serves the episode ratios without an interval', () => {
    const figures = toAccountabilityFigures(
      { total: session(2), byGroupType: [] },
      { total: episode(null, 2), byGroupType: [] },
    );
    expect(figures.find((f) => f.category === 'Goal attainment')).toMatchObject({
      value: 0.5,
      lower: null,
      upper: null,
      n: 2,
    });
  });
});
