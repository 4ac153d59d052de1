import { formatLoadTime, toRejectReasonFigures } from './load-history-shape';

describe('formatLoadTime', () => {
  test.each([
    ['2025-06-30T14:05:09.123Z', '2025-06-30 14:05 UTC'],
    [null, '—'],
    ['not a time', 'not a time'],
  ])('%s reads %s', (iso, text) => {
    expect(formatLoadTime(iso)).toBe(text);
  });
});

describe('toRejectReasonFigures', () => {
  test.each([
    ['no rejects, no bars', [], []],
    [
      'most rows first, the whole row named as such',
      [
        { fileName: 'groups.csv', columnName: 'site_id', reason: 'unknown site', rows: 1 },
        { fileName: 'attendance.csv', columnName: null, reason: 'wrong field count', rows: 3 },
      ],
      [
        ['attendance.csv · whole row: wrong field count', 3, 4],
        ['groups.csv · site_id: unknown site', 1, 4],
      ],
    ],
  ])('%s', (_name, reasons, expected) => {
    expect(toRejectReasonFigures(reasons).map((f) => [f.category, f.value, f.n])).toEqual(expected);
  });
});
