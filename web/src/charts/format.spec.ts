import { formatShortDate, percentTicks } from './format';

describe('percentTicks', () => {
  test.each([
    [0, [0, 0.05]],
    [0.13, [0, 0.05, 0.1, 0.15]],
    [0.26, [0, 0.1, 0.2, 0.3]],
    [0.5, [0, 0.1, 0.2, 0.3, 0.4, 0.5]],
    [0.62, [0, 0.25, 0.5, 0.75]],
    [1, [0, 0.25, 0.5, 0.75, 1]],
    [1.2, [0, 0.25, 0.5, 0.75, 1]],
  ])('a largest value of %d gets ticks %j', (max, ticks) => {
    expect(percentTicks(max)).toEqual(ticks);
  });
});

describe('formatShortDate', () => {
  test.each([
    ['2025-01-06', '6 Jan 25'],
    ['2024-12-30', '30 Dec 24'],
    ['not a date', 'not a date'],
  ])('%s reads %s', (iso, text) => {
    expect(formatShortDate(iso)).toBe(text);
  });
});
