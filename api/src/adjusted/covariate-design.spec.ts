import { BASELINE_TERM, buildDesign, GROUP_TERM, type PatternRow } from './covariate-design';

// Completion rows: group type, age band, gender, substance, co-occurring, baseline, site, then
// discharged, completed, n (adjusted.sql.ts).
const ROWS: PatternRow[] = [
  ['process', '25-34', 'female', 'alcohol', 'yes', 4, 'north', 3, 1, 3],
  ['skills', '25-34', 'male', 'opioids', 'no', 0, 'north', 2, 2, 2],
  ['process', '35-44', 'male', 'alcohol', 'no', 12, 'south', 5, 2, 5],
  ['skills', '25-34', 'male', 'alcohol', 'no', 0, 'south', 1, 0, 1],
  ['family', '35-44', 'female', 'opioids', 'yes', 30, 'north', 1, 1, 1],
  ['process', '25-34', 'male', 'alcohol', 'no', 4, 'north', 2, 1, 2],
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
    const oneSite = ROWS.map((row) => row.map((value, j) => (j === 6 ? 'north' : value)));
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
    const byCompletedDescending = (rows: PatternRow[]) => [rows.map((row) => -(row[8] as number))];
    const ordered = contents(shuffled, byCompletedDescending);
    expect(ordered).toEqual(contents(ROWS, byCompletedDescending));
    expect(ordered.map((row) => row[8])).toEqual([2, 2, 1, 1, 1, 0]);
    // Ties on the leading key follow the covariates: process (the most episodes) before skills.
    expect(ordered.slice(0, 2).map((row) => row[0])).toEqual(['process', 'skills']);
  });
});
