/**
 * Turns the counted covariate patterns of ADJUSTED_PATTERNS_SQL into model terms and x values:
 * the primary group type and each categorical covariate as a factor (indicator columns, one level
 * left out as the reference), baseline days used as a number.
 *
 * References: the group type the user picked, else the one with the most episodes (METRICS.md);
 * for the other factors the most common level (ties: alphabetical). R would take the alphabetically
 * first level; the choice changes only those factors' own coefficients, never the group types'.
 */
import type { ModelTerm } from '../stats';

/**
 * A row of ADJUSTED_PATTERNS_SQL as pg hands it over (rowMode 'array'): the primary type, the other
 * categorical covariates as a JSON array text (in the order of FACTORS), the baseline, then the
 * outcome's columns (see adjusted.sql.ts), the episode count last.
 */
export type PatternRow = unknown[];

export const COVARIATE = { groupType: 0, factors: 1, baselineDaysUsed: 2 } as const;
/** Where the outcome's own columns start. */
export const OUTCOME_COLUMN = 3;

/** The episodes a row counts (its last column). */
export const countOf = (row: PatternRow): number => row[row.length - 1] as number;

/** A modelled row: a primary group type and a baseline (the other covariates are never missing). */
export const isModelled = (row: PatternRow): boolean =>
  row[COVARIATE.groupType] !== null && row[COVARIATE.baselineDaysUsed] !== null;

export const GROUP_TERM = 'group type';
/** The factors of the JSON array, in its order. */
const FACTORS = ['age band', 'gender', 'primary substance', 'co-occurring disorder', 'site'];
export const BASELINE_TERM = 'baseline days used';

export interface Design {
  terms: ModelTerm[];
  referenceGroupType: string;
  /** Each group type with its column (null for the reference), most episodes first. */
  groupLevels: { group: string; column: string | null }[];
  /** Columns of x. */
  width: number;
  /** Row i's episodes (its last column). */
  count: Float64Array;
  /** Row i's group type. */
  groupOf: (i: number) => string;
  /**
   * The rows' indices sorted by `leading` (whole-number keys per row, ascending, in turn), then by
   * the covariates (each factor by its levels' order of episodes, the baseline by value). The
   * models add their sums in this order, so the same episodes give the same digits whatever order
   * the database returned the rows in (a nearly separated fit moved in its 6th digit between two).
   */
  order: (leading: readonly ArrayLike<number>[]) => Uint32Array;
  /** Writes row i's x into `target` from `offset` on (target zero there: only the 1s and the baseline are set). */
  fill: (i: number, target: Float64Array, offset: number) => void;
  /** Row i's x as an array. */
  x: (i: number) => number[];
}

/** Values coded as small numbers: value k is values[k]; row i's is code[i]. */
interface Coded<T> {
  values: T[];
  code: Uint32Array;
}

function codeValues<T>(count: number, valueOf: (i: number) => T): Coded<T> {
  const seen = new Map<T, number>();
  const values: T[] = [];
  const code = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const value = valueOf(i);
    let k = seen.get(value);
    if (k === undefined) {
      k = values.length;
      seen.set(value, k);
      values.push(value);
    }
    code[i] = k;
  }
  return { values, code };
}

/** A factor's levels by episodes, most first, ties alphabetical; rank[k] is level k's place. */
function rankLevels(levels: readonly string[], episodes: readonly number[]) {
  const byCount = levels
    .map((_, k) => k)
    .sort((a, b) => episodes[b] - episodes[a] || (levels[a] < levels[b] ? -1 : levels[a] > levels[b] ? 1 : 0));
  const rank = new Uint32Array(levels.length);
  byCount.forEach((k, r) => (rank[k] = r));
  return { ordered: byCount.map((k) => levels[k]), rank };
}

const columnName = (term: string, level: string) => `${term}: ${level}`;

/** @param rows modelled rows only (isModelled) */
export function buildDesign(rows: readonly PatternRow[], pickedReference: string | null): Design {
  const count = Float64Array.from(rows, countOf);
  const baseline = Int32Array.from(rows, (row) => row[COVARIATE.baselineDaysUsed] as number);
  const group = codeValues(rows.length, (i) => rows[i][COVARIATE.groupType] as string);
  const patterns = codeValues(rows.length, (i) => rows[i][COVARIATE.factors] as string);
  const groupEpisodes = new Array<number>(group.values.length).fill(0);
  const patternEpisodes = new Array<number>(patterns.values.length).fill(0);
  for (let i = 0; i < rows.length; i++) {
    groupEpisodes[group.code[i]] += count[i];
    patternEpisodes[patterns.code[i]] += count[i];
  }
  const groupRanks = rankLevels(group.values, groupEpisodes);
  const groupRank = (i: number) => groupRanks.rank[group.code[i]];
  const referenceGroupType =
    pickedReference !== null && groupRanks.ordered.includes(pickedReference) ? pickedReference : groupRanks.ordered[0];
  const groupColumns = groupRanks.ordered.filter((level) => level !== referenceGroupType);
  const columnOfGroup = Int32Array.from(group.values, (level) => groupColumns.indexOf(level)); // −1: the reference

  // Each distinct pattern's levels, each factor's levels ranked by episodes over the patterns.
  const levelsOf = patterns.values.map((text) => JSON.parse(text) as string[]);
  const factors = FACTORS.map((term, f) => {
    const coded = codeValues(levelsOf.length, (p) => levelsOf[p][f]);
    const episodes = new Array<number>(coded.values.length).fill(0);
    coded.code.forEach((k, p) => (episodes[k] += patternEpisodes[p]));
    const { ordered, rank } = rankLevels(coded.values, episodes);
    return { term, levels: ordered, rankOfPattern: Uint32Array.from(coded.code, (k) => rank[k]) };
  });
  const terms: ModelTerm[] = [
    { name: GROUP_TERM, columns: groupColumns.map((level) => columnName(GROUP_TERM, level)) },
    ...factors
      .filter((f) => f.levels.length > 1)
      .map((f) => ({ name: f.term, columns: f.levels.slice(1).map((level) => columnName(f.term, level)) })),
    { name: BASELINE_TERM, columns: [BASELINE_TERM] },
  ];
  // Each pattern's x columns set to 1 (a level other than its factor's reference), after the group type's.
  const patternColumns: number[][] = levelsOf.map(() => []);
  let offset = groupColumns.length;
  for (const { levels, rankOfPattern } of factors) {
    rankOfPattern.forEach((rank, p) => {
      if (rank > 0) patternColumns[p].push(offset + rank - 1);
    });
    offset += levels.length - 1;
  }
  const width = offset + 1;
  const fill = (i: number, target: Float64Array | number[], at: number) => {
    const groupColumn = columnOfGroup[group.code[i]];
    if (groupColumn >= 0) target[at + groupColumn] = 1;
    for (const j of patternColumns[patterns.code[i]]) target[at + j] = 1;
    target[at + width - 1] = baseline[i];
  };

  // Patterns in the order of their factors' ranks, for the rows' order.
  const patternRank = new Uint32Array(levelsOf.length);
  levelsOf
    .map((_, p) => p)
    .sort((a, b) => {
      for (const { rankOfPattern } of factors) {
        const difference = rankOfPattern[a] - rankOfPattern[b];
        if (difference !== 0) return difference;
      }
      return 0;
    })
    .forEach((p, r) => (patternRank[p] = r));
  const covariateKeys: ArrayLike<number>[] = [
    Uint32Array.from(group.code, (k) => groupRanks.rank[k]),
    Uint32Array.from(patterns.code, (p) => patternRank[p]),
    baseline,
  ];

  return {
    terms,
    referenceGroupType,
    groupLevels: [referenceGroupType, ...groupColumns].map((level) => ({
      group: level,
      column: level === referenceGroupType ? null : columnName(GROUP_TERM, level),
    })),
    width,
    count,
    groupOf: (i) => groupRanks.ordered[groupRank(i)],
    order: (leading) => sortedIndices([...leading, ...covariateKeys], rows.length),
    fill,
    x: (i) => {
      const x = new Array<number>(width).fill(0);
      fill(i, x, 0);
      return x;
    },
  };
}

/**
 * Indices 0 … n − 1 sorted by whole-number keys (the first, then the next on ties …). When the keys'
 * ranges multiplied together and by n stay below 2⁵³, each index is packed with its keys into one
 * exact double and the doubles are sorted natively (several times faster than a comparator at
 * 100,000 rows); otherwise by a comparator.
 */
export function sortedIndices(keys: readonly ArrayLike<number>[], n: number): Uint32Array {
  const low = keys.map((key) => minimum(key, n));
  const ranges = keys.map((key, k) => maximum(key, n) - low[k] + 1);
  if (ranges.reduce((product, range) => product * range, n) <= Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let value = 0;
      for (let k = 0; k < keys.length; k++) value = value * ranges[k] + (keys[k][i] - low[k]);
      packed[i] = value * n + i;
    }
    packed.sort();
    return Uint32Array.from(packed, (value) => value % n);
  }
  return new Uint32Array(n)
    .map((_, i) => i)
    .sort((a, b) => {
      for (const key of keys) {
        const difference = key[a] - key[b];
        if (difference !== 0) return difference;
      }
      return 0;
    });
}

function minimum(values: ArrayLike<number>, n: number): number {
  let low = Infinity;
  for (let i = 0; i < n; i++) if (values[i] < low) low = values[i];
  return n === 0 ? 0 : low;
}

function maximum(values: ArrayLike<number>, n: number): number {
  let high = -Infinity;
  for (let i = 0; i < n; i++) if (values[i] > high) high = values[i];
  return n === 0 ? 0 : high;
}
