import { BASELINE_TERM, buildDesign, GROUP_TERM, sortedIndices, type PatternRow } from './covariate-design';

// Completion rows: group type, [age band, gender, substance, co-occurring, site] as JSON text,
// baseline, then discharged, completed, n (adjusted.sql.ts).
const row = (group: string, factors: string[], baseline: number, ...outcome: number[]): PatternRow => [
  group,
  JSON.stringify(factors),
  baseline,
  ...outcome,
];
const ROWS: PatternRow[] = [
  row('process', ['25-34', 'female', 'alcohol', 'yes', 'north'], 4, 3, 1, 3),
  row('skills', ['25-34', 'male', 'opioids', 'no', 'north'], 0, 2, 2, 2),
  row('process', ['35-44', 'male', 'alcohol', 'no', 'south'], 12, 5, 2, 5),
  row('skills', ['25-34', 'male', 'alcohol', 'no', 'south'], 0, 1, 0, 1),
  row('family', ['35-44', 'female', 'opioids', 'yes', 'north'], 30, 1, 1, 1),
  row('process', ['25-34', 'male', 'alcohol', 'no', 'north'], 4, 2, 1, 2),
];

/** A deterministic shuffle (the rows as Postgres might return them under another plan). */
const reversedAndRotated = (rows: PatternRow[]) => [...rows].reverse().map((_, i, all) => all[(i + 2) % all.length]);

describe('buildDesign', () => {
  it('makes each factor a set of indicator columns with the level of most episodes as reference', () => {
    const design = buildDesign(ROWS, null);
    // process 10 episodes, skills 3, family 1.
    expect(design.referenceGroupType).toBe('process');
    expect(design.groupLevels).toEqual([
      { group: 'process', column: null },
      { group: 'skills', column: `${GROUP_TERM}: skills` },
      { group: 'family', column: `${GROUP_TERM}: family` },
    ]);
    expect(design.terms.map((t) => [t.name, t.columns])).toEqual([
      [GROUP_TERM, ['group type: skills', 'group type: family']],
      ['age band', ['age band: 35-44']],
      ['gender', ['gender: female']],
      ['primary substance', ['primary substance: opioids']],
      ['co-occurring disorder', ['co-occurring disorder: yes']],
      ['site', ['site: south']],
      [BASELINE_TERM, [BASELINE_TERM]],
    ]);
    // The family row: its group column, 35-44, female, opioids, co-occurring, north (reference), 30 days.
    expect(design.x(4)).toEqual([0, 1, 1, 1, 1, 1, 0, 30]);
    expect(design.groupOf(4)).toBe('family');
  });

  it('takes the picked reference group type when it has episodes, else the most common', () => {
    expect(buildDesign(ROWS, 'skills').groupLevels[0]).toEqual({ group: 'skills', column: null });
    expect(buildDesign(ROWS, 'trauma').referenceGroupType).toBe('process');
  });

  it('leaves out a factor whose every row has one level', () => {
    const oneSite = ROWS.map((r) => {
      const factors = JSON.parse(r[1] as string) as string[];
      return [r[0], JSON.stringify([...factors.slice(0, 4), 'north']), ...r.slice(2)];
    });
    expect(buildDesign(oneSite, null).terms.map((t) => t.name)).not.toContain('site');
  });

  it('orders the rows the same way whatever order they came in', () => {
    const contents = (rows: PatternRow[], leading: (rows: PatternRow[]) => number[][]) => {
      const design = buildDesign(rows, null);
      return [...design.order(leading(rows))].map((i) => rows[i]);
    };
    const byCovariates = () => [];
    const shuffled = reversedAndRotated(ROWS);
    expect(shuffled).not.toEqual(ROWS);
    expect(contents(shuffled, byCovariates)).toEqual(contents(ROWS, byCovariates));
    // Leading keys first: here the completed count, descending.
    const byCompletedDescending = (rows: PatternRow[]) => [rows.map((r) => -(r[4] as number))];
    const ordered = contents(shuffled, byCompletedDescending);
    expect(ordered).toEqual(contents(ROWS, byCompletedDescending));
    expect(ordered.map((r) => r[4])).toEqual([2, 2, 1, 1, 1, 0]);
    // Ties on the leading key follow the covariates: process (the most episodes) before skills.
    expect(ordered.slice(0, 2).map((r) => r[0])).toEqual(['process', 'skills']);
  });
});

describe('sortedIndices', () => {
  const expected = (keys: number[][], n: number) =>
    Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      for (const key of keys) if (key[a] !== key[b]) return key[a] - key[b];
      return a - b;
    });

  it('sorts by each key in turn, ties by index, with negative keys', () => {
    const keys = [
      [3, -1, 3, 0, -1, 3],
      [1, 1, 0, 5, 1, 0],
    ];
    expect([...sortedIndices(keys, 6)]).toEqual([1, 4, 3, 2, 5, 0]);
    expect([...sortedIndices(keys, 6)]).toEqual(expected(keys, 6));
  });

  it('gives the same order through the comparator when the keys do not fit one double', () => {
    const wide = [0, 2 ** 50, 5, 2 ** 50, 1]; // ranges 2⁵⁰ × 10 × 3 × 5 rows > 2⁵³
    const keys = [wide, [9, 3, 9, 1, 0], [4, 4, 2, 4, 4]];
    expect([...sortedIndices(keys, 5)]).toEqual(expected(keys, 5));
    expect([...sortedIndices(keys, 5)]).toEqual([0, 4, 2, 3, 1]);
  });

  it('handles no rows and no keys', () => {
    expect([...sortedIndices([], 3)]).toEqual([0, 1, 2]);
    expect([...sortedIndices([[]], 0)]).toEqual([]);
  });
});
