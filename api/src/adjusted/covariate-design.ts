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
 * A row of ADJUSTED_PATTERNS_SQL as pg hands it over (rowMode 'array'): the covariates at the
 * indices of COVARIATE, then the outcome's columns (see adjusted.sql.ts), the episode count last.
 */
export type PatternRow = unknown[];

export const COVARIATE = {
  groupType: 0,
  ageBand: 1,
  gender: 2,
  substance: 3,
  coOccurring: 4,
  baselineDaysUsed: 5,
  siteId: 6,
} as const;

/** The episodes a row counts (its last column). */
export const countOf = (row: PatternRow): number => row[row.length - 1] as number;

/** A modelled row: a primary group type and a baseline (the other covariates are never missing). */
export const isModelled = (row: PatternRow): boolean =>
  row[COVARIATE.groupType] !== null && row[COVARIATE.baselineDaysUsed] !== null;

export const GROUP_TERM = 'group type';
const FACTORS: { term: string; column: number }[] = [
  { term: 'age band', column: COVARIATE.ageBand },
  { term: 'gender', column: COVARIATE.gender },
  { term: 'primary substance', column: COVARIATE.substance },
  { term: 'co-occurring disorder', column: COVARIATE.coOccurring },
  { term: 'site', column: COVARIATE.siteId },
];
export const BASELINE_TERM = 'baseline days used';

export interface Design {
  terms: ModelTerm[];
  referenceGroupType: string;
  /** Each group type with its column (null for the reference), most episodes first. */
  groupLevels: { group: string; column: string | null }[];
  /** Columns of x. */
  width: number;
  /** Row i's group type. */
  groupOf: (i: number) => string;
  /**
   * The rows' indices sorted by `leading` (whole-number keys per row, ascending, in turn), then by the
   * covariates (each factor by its levels' order of episodes, the baseline by value). The models
   * add their sums in this order, so the same episodes give the same digits whatever order the
   * database returned the rows in (a nearly separated fit moved in its 6th digit between two).
   */
  order: (leading: readonly ArrayLike<number>[]) => Uint32Array;
  /** Writes row i's x into `target` from `offset` on (target zero there: only the 1s and the baseline are set). */
  fill: (i: number, target: Float64Array, offset: number) => void;
  /** Row i's x as an array. */
  x: (i: number) => number[];
}

/**
 * A categorical covariate with each row's level as a small number: its rank among the levels by
 * episodes (most first, ties alphabetical), so that the code does not depend on the rows' order.
 */
interface CodedFactor {
  /** Levels by episodes, most first. */
  levels: string[];
  /** Row i's level is levels[rank[i]]. */
  rank: Uint16Array;
}

function codeFactor(rows: readonly PatternRow[], column: number): CodedFactor {
  const seen = new Map<string, number>();
  const names: string[] = [];
  const episodes: number[] = [];
  const firstSeen = new Uint16Array(rows.length);
  rows.forEach((row, i) => {
    const level = row[column] as string;
    let k = seen.get(level);
    if (k === undefined) {
      k = names.length;
      seen.set(level, k);
      names.push(level);
      episodes.push(0);
    }
    firstSeen[i] = k;
    episodes[k] += countOf(row);
  });
  const byCount = names
    .map((_, k) => k)
    .sort((a, b) => episodes[b] - episodes[a] || (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
  const rankOf = new Uint16Array(names.length);
  byCount.forEach((k, r) => (rankOf[k] = r));
  return { levels: byCount.map((k) => names[k]), rank: firstSeen.map((k) => rankOf[k]) };
}

const columnName = (term: string, level: string) => `${term}: ${level}`;

/** @param rows modelled rows only (isModelled) */
export function buildDesign(rows: readonly PatternRow[], pickedReference: string | null): Design {
  const group = codeFactor(rows, COVARIATE.groupType);
  const referenceGroupType =
    pickedReference !== null && group.levels.includes(pickedReference) ? pickedReference : group.levels[0];
  const groupColumns = group.levels.filter((level) => level !== referenceGroupType);
  const factors = FACTORS.map(({ term, column }) => ({ term, ...codeFactor(rows, column) }));
  const baseline = Float64Array.from(rows, (row) => row[COVARIATE.baselineDaysUsed] as number);
  const terms: ModelTerm[] = [
    { name: GROUP_TERM, columns: groupColumns.map((level) => columnName(GROUP_TERM, level)) },
    ...factors
      .filter((f) => f.levels.length > 1)
      .map((f) => ({ name: f.term, columns: f.levels.slice(1).map((level) => columnName(f.term, level)) })),
    { name: BASELINE_TERM, columns: [BASELINE_TERM] },
  ];
  // Each factor's level (by rank) → its x column, −1 for the reference level; the group type first.
  const coded = [
    {
      rank: group.rank,
      columnOfRank: Int32Array.from(group.levels, (level) =>
        level === referenceGroupType ? -1 : groupColumns.indexOf(level),
      ),
    },
  ];
  let offset = groupColumns.length;
  for (const { levels, rank } of factors) {
    coded.push({ rank, columnOfRank: Int32Array.from(levels, (_, r) => (r === 0 ? -1 : offset + r - 1)) });
    offset += levels.length - 1;
  }
  const width = offset + 1;
  const fill = (i: number, target: Float64Array, at: number) => {
    for (const { rank, columnOfRank } of coded) {
      const j = columnOfRank[rank[i]];
      if (j >= 0) target[at + j] = 1;
    }
    target[at + width - 1] = baseline[i];
  };
  // The covariates in the order of COVARIATE: the group type, the factors but site, the baseline, the site.
  const site = factors.length - 1;
  const sortKeys: ArrayLike<number>[] = [
    group.rank,
    ...factors.slice(0, site).map((f) => f.rank),
    baseline,
    factors[site].rank,
  ];
  const order = (leading: readonly ArrayLike<number>[]) => {
    // One whole-number matrix, row by row: the comparator reads a single typed array.
    const keys = [...leading, ...sortKeys];
    const k = keys.length;
    const matrix = new Int32Array(rows.length * k);
    keys.forEach((key, j) => {
      for (let i = 0; i < rows.length; i++) matrix[i * k + j] = key[i];
    });
    return new Uint32Array(rows.length)
      .map((_, i) => i)
      .sort((a, b) => {
        for (let j = 0, at = a * k, bt = b * k; j < k; j++) {
          const difference = matrix[at + j] - matrix[bt + j];
          if (difference !== 0) return difference;
        }
        return 0;
      });
  };
  return {
    terms,
    referenceGroupType,
    groupLevels: [referenceGroupType, ...groupColumns].map((level) => ({
      group: level,
      column: level === referenceGroupType ? null : columnName(GROUP_TERM, level),
    })),
    width,
    groupOf: (i) => group.levels[group.rank[i]],
    order,
    fill,
    x: (i) => {
      const x = new Float64Array(width);
      fill(i, x, 0);
      return Array.from(x);
    },
  };
}
