import { RawFigure, ShownFigure, suppressFigures } from './suppression';

const T = 11;

/** A count breakdown: cells by group type plus a total that is their exact sum. */
function counts(cells: Record<string, number>): RawFigure[] {
  const figure = (groupType: string | null, value: number): RawFigure => ({
    section: 'census',
    measure: 'admissions',
    unit: 'count',
    groupType,
    period: 'current',
    value,
    lower: null,
    upper: null,
    n: value,
  });
  const total = Object.values(cells).reduce((s, v) => s + v, 0);
  return [...Object.entries(cells).map(([g, v]) => figure(g, v)), figure(null, total)];
}

/** A proportion breakdown: [numerator, denominator] per group type, plus the pooled total. */
function proportions(cells: Record<string, [number, number]>): RawFigure[] {
  const figure = (groupType: string | null, [numerator, n]: [number, number]): RawFigure => ({
    section: 'retention',
    measure: 'completion_rate',
    unit: 'proportion',
    groupType,
    period: 'current',
    value: n ? numerator / n : null,
    lower: 0,
    upper: 1,
    n,
    numerator,
  });
  const pooled = Object.values(cells).reduce<[number, number]>(([a, b], [x, y]) => [a + x, b + y], [0, 0]);
  return [...Object.entries(cells).map(([g, c]) => figure(g, c)), figure(null, pooled)];
}

const hiddenOf = (shown: ShownFigure[]) => shown.filter((f) => f.suppressed).map((f) => f.groupType ?? 'total');

describe('primary suppression', () => {
  it.each([
    [0, false],
    [1, true],
    [10, true],
    [11, false],
  ])('a count of %i is suppressed: %s', (value, suppressed) => {
    const [cell] = suppressFigures(counts({ skills: value }), T);
    expect(cell.suppressed).toBe(suppressed);
    expect(cell.value).toBe(suppressed ? null : value);
    expect(cell.n).toBe(suppressed ? null : value);
  });

  it.each([
    [[0, 11], false],
    [[1, 50], true], // numerator 1
    [[10, 50], true],
    [[11, 50], false],
    [[0, 10], true], // denominator 10
    [[5, 11], true],
  ] as [[number, number], boolean][])('a proportion %j is suppressed: %s', (cell, suppressed) => {
    const [shown] = suppressFigures(proportions({ skills: cell }), T);
    expect(shown.suppressed).toBe(suppressed);
    if (suppressed) expect(shown).toMatchObject({ value: null, lower: null, upper: null, n: null });
  });

  it('drops a survival estimate with fewer than 11 at risk', () => {
    const at = (n: number): RawFigure => ({
      section: 'retention',
      measure: 'retained_90d',
      unit: 'survival',
      groupType: null,
      period: 'current',
      value: 0.7,
      lower: 0.6,
      upper: 0.8,
      n,
    });
    expect(suppressFigures([at(10), at(11)], T).map((f) => f.suppressed)).toEqual([true, false]);
  });

  it('refuses a threshold below 11', () => {
    expect(() => suppressFigures([], 10)).toThrow('never below 11');
  });
});

describe('complementary suppression: nothing hidden can be recovered by subtraction', () => {
  it.each([
    ['a single small cell beside a total', { family: 4, skills: 40, process: 25 }, ['family', 'process']],
    ['cells of 1, 10 and 11', { family: 1, skills: 10, process: 11, trauma_informed: 30 }, ['family', 'skills']],
    ['one small cell of 10 and a zero', { family: 10, skills: 0, process: 30 }, ['family', 'process']],
    [
      'two cells of 1: their sum would give them away',
      { family: 1, skills: 1, process: 20, trauma_informed: 25 },
      ['family', 'skills', 'process'],
    ],
    ['a small cell with only zeros beside it', { family: 3, skills: 0 }, ['family', 'total']],
    ['no small cell', { family: 11, skills: 40 }, []],
  ])('%s', (_what, cells, expected) => {
    expect(hiddenOf(suppressFigures(counts(cells), T))).toEqual(expected);
  });

  it('hides the next smallest proportion by its denominator', () => {
    const shown = suppressFigures(proportions({ family: [3, 8], skills: [30, 60], process: [20, 40] }), T);
    expect(hiddenOf(shown)).toEqual(['family', 'process']);
  });

  it('keeps hiding while hidden rates would all be 0%', () => {
    // family 0/8 and skills 0/12 hidden would sum to 0 completions: both 0% would be known.
    const shown = suppressFigures(
      proportions({ family: [0, 8], skills: [0, 12], process: [20, 40], trauma_informed: [30, 45] }),
      T,
    );
    expect(hiddenOf(shown)).toEqual(['family', 'skills', 'process']);
  });

  it('never leaves a breakdown from which a hidden count can be pinned down', () => {
    // Exhaustive over small breakdowns of three cells: a reader knows the total, the shown cells,
    // and that a hidden cell is at least 1 (zeros are shown). A hidden cell is recovered when only
    // one value fits, i.e. when exactly one cell is hidden, or the hidden cells sum to their number.
    const recoverable: string[] = [];
    for (let a = 0; a <= 14; a++)
      for (let b = 0; b <= 14; b++)
        for (let c = 0; c <= 14; c++) {
          const shown = suppressFigures(counts({ family: a, skills: b, process: c }), T);
          const hidden = [a, b, c].filter((_, i) => shown[i].suppressed);
          if (shown[3].suppressed || hidden.length === 0) continue;
          const hiddenSum = hidden.reduce((s, v) => s + v, 0);
          if (hidden.length < 2 || hiddenSum <= hidden.length) recoverable.push(`${a},${b},${c}`);
        }
    expect(recoverable).toEqual([]);
  });

  it('treats each period and measure as its own breakdown', () => {
    const previous = counts({ family: 30, skills: 40 }).map((f) => ({ ...f, period: 'previous' as const }));
    const shown = suppressFigures([...counts({ family: 5, skills: 40, process: 20 }), ...previous], T);
    expect(shown.filter((f) => f.period === 'previous').every((f) => !f.suppressed)).toBe(true);
  });
});

describe('linked suppression of a cohort', () => {
  it('hides every figure about a hidden cohort cell, so no other n reveals its size', () => {
    const cohort = counts({ family: 4, skills: 40, process: 25 }).map((f) => ({
      ...f,
      section: 'retention',
      measure: 'episodes',
    }));
    const retained = (groupType: string | null, n: number): RawFigure => ({
      section: 'retention',
      measure: 'retained_30d',
      unit: 'survival',
      groupType,
      period: 'current',
      value: 0.8,
      lower: 0.7,
      upper: 0.9,
      n,
    });
    const shown = suppressFigures(
      [...cohort, retained('family', 4), retained('skills', 38), retained('process', 24), retained(null, 66)],
      T,
      { measure: 'episodes', sections: ['retention'] },
    );
    // process is hidden as family's complement in the cohort, so its survival (24 at risk) goes too.
    expect(shown.filter((f) => f.measure === 'retained_30d' && f.suppressed).map((f) => f.groupType)).toEqual([
      'family',
      'process',
    ]);
  });
});
