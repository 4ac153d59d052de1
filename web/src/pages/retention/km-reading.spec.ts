import type { KmPoint, KmSeries } from './km-series';
import { readCurves, readingDays } from './km-reading';

const point = (days: number, survival: number, atRisk: number, lower = survival, upper = survival): KmPoint => ({
  series: 'total',
  seriesLabel: 'All group types',
  kind: days === 0 ? 'start' : 'dropout day',
  days,
  atRisk,
  events: 1,
  censored: 0,
  survival,
  lower,
  upper,
});

// Hand-made curve: 10 at risk at day 0, 1 dropout on day 5 (S = 0.9), 1 on day 20 of 8 (S = 0.7875).
const total: KmSeries = {
  key: 'total',
  label: 'All group types',
  episodes: 10,
  points: [point(0, 1, 10), point(5, 0.9, 10, 0.732, 1), point(20, 0.7875, 8, 0.57, 1)],
};
const skills: KmSeries = { key: 'skills', label: 'Skills', episodes: 4, points: [point(0, 1, 4), point(3, 0.75, 4)] };

describe('reading the curves on a day', () => {
  it('takes the step in force that day, with its interval and its number at risk', () => {
    expect(readCurves([total], 12)).toEqual([
      {
        key: 'total',
        label: 'All group types',
        day: 12,
        survival: 0.9,
        lower: 0.732,
        upper: 1,
        atRisk: 10,
        stepDay: 5,
      },
    ]);
    expect(readCurves([total], 20)[0]).toMatchObject({ survival: 0.7875, atRisk: 8, stepDay: 20 });
    expect(readCurves([total], 4)[0]).toMatchObject({ survival: 1, atRisk: 10, stepDay: 0 });
  });

  it('reads no curve past its last drawn day', () => {
    expect(readCurves([total, skills], 10).map((r) => r.key)).toEqual(['total']);
  });

  it('stops on every day a point of any curve sits', () => {
    expect(readingDays([total, skills])).toEqual([0, 3, 5, 20]);
  });
});
