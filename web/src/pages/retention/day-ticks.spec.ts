import { dayTicks } from './km-series';

describe('dayTicks', () => {
  test.each([
    [0, [0, 30, 60, 90]],
    [87, [0, 30, 60, 90]],
    [90, [0, 30, 60, 90]],
    [91, [0, 30, 60, 90, 120]],
    [200, [0, 30, 60, 90, 120, 150, 180, 210]],
  ])('a curve ending on day %d gets ticks %j', (lastDay, ticks) => {
    expect(dayTicks(lastDay)).toEqual(ticks);
  });
});
