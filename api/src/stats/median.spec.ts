import { medianOfCounts } from './median';

// Postgres percentile_cont(0.5) and R's median(): the middle value, or the mean of the two middle.
describe('medianOfCounts', () => {
  it.each([
    [
      '1, 2, 3',
      [
        { value: 3, n: 1 },
        { value: 1, n: 1 },
        { value: 2, n: 1 },
      ],
      2,
    ],
    [
      '1, 2, 3, 4',
      [
        { value: 4, n: 1 },
        { value: 2, n: 1 },
        { value: 1, n: 1 },
        { value: 3, n: 1 },
      ],
      2.5,
    ],
    [
      '5, 5, 5, 9',
      [
        { value: 9, n: 1 },
        { value: 5, n: 3 },
      ],
      5,
    ],
    [
      '5, 5, 9, 9',
      [
        { value: 5, n: 2 },
        { value: 9, n: 2 },
      ],
      7,
    ],
    ['one value', [{ value: 12, n: 1 }], 12],
    [
      'zero counts ignored: 1, 3',
      [
        { value: 1, n: 1 },
        { value: 100, n: 0 },
        { value: 3, n: 1 },
      ],
      2,
    ],
  ])('%s', (_what, counts, median) => {
    expect(medianOfCounts(counts)).toBe(median);
  });

  it('is null without values', () => {
    expect(medianOfCounts([])).toBeNull();
    expect(medianOfCounts([{ value: 4, n: 0 }])).toBeNull();
  });
});
