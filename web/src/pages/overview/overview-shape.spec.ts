import { describeChange, toSessionsRows } from './overview-shape';

describe('describeChange', () => {
  test.each([
    [120, 100, '+20% on previous (100)'],
    [80, 100, '−20% on previous (100)'],
    [100, 100, '±0% on previous (100)'],
    [5, 0, 'previous period: 0'],
    [0, 0, 'none in either period'],
    [1001, 1000, '±0% on previous (1,000)'],
  ])('%d against %d reads "%s"', (current, previous, text) => {
    expect(describeChange(current, previous)).toBe(text);
  });

  it('says "no data for …" with the dates when the previous period holds no data', () => {
    expect(describeChange(5, 0, { from: '2024-11-01', to: '2025-10-31' })).toBe(
      'no data for 1 Nov 2024 to 31 Oct 2025',
    );
  });
});

describe('toSessionsRows', () => {
  it('keeps the group types in served order and drops an all-types row', () => {
    expect(
      toSessionsRows([
        { groupType: null, current: 9, previous: 9 },
        { groupType: 'family', current: 2, previous: 3 },
        { groupType: 'skills', current: 7, previous: 6 },
      ]),
    ).toEqual([
      { groupType: 'family', label: 'Family', current: 2, previous: 3 },
      { groupType: 'skills', label: 'Skills', current: 7, previous: 6 },
    ]);
  });
});
