import { toRejectReasonFigures } from './load-history-shape';

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
