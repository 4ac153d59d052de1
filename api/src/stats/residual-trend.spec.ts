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

  it('never splits events of one time between bins, so the order of tied rows cannot move a bin', () => {
    const tied = [point(0.1, 1), point(0.2, 5), point(0.2, -5), point(0.2, 1), point(0.4, 2)];
    const reordered = [tied[0], tied[3], tied[1], tied[2], tied[4]];
    expect(residualTrend(tied, 0, 2)).toEqual(residualTrend(reordered, 0, 2));
    // 5 events in 2 bins: the first takes the whole time 0.2 (4 events), the second the rest.
    expect(residualTrend(tied, 0, 2).map((p) => p.events)).toEqual([4, 1]);
  });
});
