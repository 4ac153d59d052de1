import { monthLabel, toCohortFigures } from './cohort-trend-shape';

const rate = (numerator: number, denominator: number, lower: number | null, upper: number | null) => ({
  numerator,
  denominator,
  rate: denominator ? numerator / denominator : null,
  lower,
  upper,
});
const month = {
  month: '2025-01',
  episodes: 4,
  retainedAt: [{ days: 90, atRisk: 2, survival: 0.5, lower: 0.19, upper: 1 }],
  completion: rate(1, 3, 0.06, 0.79),
  abstinence: [{ days: 30, eligible: 4, intentToTreatRate: rate(2, 4, 0.15, 0.85) }],
  alliance: { n: 3, mean: 36, lower: 31.5, upper: 40.5 },
};
const empty = {
  ...month,
  month: '2025-02',
  episodes: 0,
  retainedAt: [{ days: 90, atRisk: 0, survival: null, lower: null, upper: null }],
  abstinence: [],
};

describe('cohort trend figures', () => {
  it('takes the chosen measure of each month with its interval and n', () => {
    expect(toCohortFigures([month], 'retained90')[0]).toMatchObject({
      category: '2025-01',
      value: 0.5,
      lower: 0.19,
      upper: 1,
      n: 2,
    });
    expect(toCohortFigures([month], 'abstinence30')[0]).toMatchObject({ value: 0.5, numerator: 2, n: 4 });
    expect(toCohortFigures([month], 'alliance')[0]).toMatchObject({ value: 36, lower: 31.5, n: 3 });
  });

  it('leaves a month without anyone in it as a gap, not 0', () => {
    expect(toCohortFigures([empty], 'retained90')[0]).toMatchObject({ value: null, n: 0 });
    expect(toCohortFigures([empty], 'abstinence90')[0]).toMatchObject({ value: null, n: 0 });
  });

  it('names a month with a four-digit year', () => {
    expect(monthLabel('2025-01')).toBe('Jan 2025');
  });
});
