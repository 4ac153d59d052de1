import { createRng } from '@iop/etl';
import { aliasedColumns, aliasedColumnsOfRows } from './aliased-columns';

const columnsOf = (rows: number[][]) => rows[0].map((_, j) => rows.map((row) => row[j]));

/**
 * Rows of a factor (three indicator columns, the first level left out) and a whole number last
 * (baseline days), with many rows repeating their factor level: the case the row merge shortens.
 */
function design(draw: () => number, rows: number, last: (level: number, i: number) => number): number[][] {
  return Array.from({ length: rows }, (_, i) => {
    const level = Math.floor(draw() * 4);
    return [level === 1 ? 1 : 0, level === 2 ? 1 : 0, level === 3 ? 1 : 0, last(level, i)];
  });
}

describe('aliasedColumnsOfRows (rows merged, then rotated) agrees with Gram–Schmidt over every row', () => {
  const draw = createRng(20261207).next;
  const weights = Array.from({ length: 400 }, () => 1 + Math.floor(draw() * 3));
  it.each([
    ['a last column that varies within each level', (_: number, i: number) => i % 31, [false, false, false, false]],
    ['a last column that is a combination of the levels', (level: number) => 2 * level, [false, false, false, true]],
    // Any function of the level is one: the intercept and the three indicators span them all.
    [
      'a last column that is a non-linear function of the level',
      (level: number) => level * level,
      [false, false, false, true],
    ],
    ['a constant last column (aliased with the intercept)', () => 7, [false, false, false, true]],
  ] as const)('%s', (_, last, expected) => {
    const rows = design(draw, weights.length, last);
    expect(aliasedColumnsOfRows(rows, weights, true, 4)).toEqual(expected);
    expect(aliasedColumns(columnsOf(rows), weights, true)).toEqual(expected);
  });

  it('a level with no rows is aliased; rows of weight 0 are left out', () => {
    const rows = design(draw, weights.length, (_, i) => i % 5).map((row) => [...row.slice(0, 2), 0, row[3]]);
    expect(aliasedColumnsOfRows(rows, weights, true, 4)).toEqual([false, false, true, false]);
    const onlyLevelTwo = rows.map((row) => (row[1] === 1 ? 1 : 0));
    // With every row outside level 2 weighted 0, its column equals the intercept.
    expect(aliasedColumns(columnsOf(rows), onlyLevelTwo, true)).toEqual([true, true, true, false]);
    expect(aliasedColumnsOfRows(rows, onlyLevelTwo, true, 4)).toEqual([true, true, true, false]);
  });
});
