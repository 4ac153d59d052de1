import { residualTrend } from './residual-trend';

const point = (transformedTime: number, value: number, count = 1) => ({
  time: transformedTime * 100,
  transformedTime,
  count,
  values: [value],
});

describe('residualTrend', () => {
  it('bins events of about equal size along the transformed time, with count-weighted means', () => {
    const points = [point(0.1, 1), point(0.2, 3), point(0.3, 2, 2), point(0.5, 4), point(0.6, 0, 2)];
    // 7 events in 2 bins of 3.5: the first closes at 4 events (0.1, 0.2, 0.3×2), the second takes the rest.
    expect(residualTrend(points, 0, 2)).toEqual([
      { transformedTime: (0.1 + 0.2 + 0.6) / 4, residual: (1 + 3 + 4) / 4, events: 4 },
      { transformedTime: (0.5 + 1.2) / 3, residual: 4 / 3, events: 3 },
    ]);
  });

  it('gives one bin per event when there are fewer events than bins, and none without events', () => {
    expect(residualTrend([point(0.2, 1), point(0.4, 2)], 0, 10).map((p) => p.events)).toEqual([1, 1]);
    expect(residualTrend([], 0)).toEqual([]);
  });
});
