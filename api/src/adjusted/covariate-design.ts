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
  /** Writes the row's x into `target` from `offset` on (target zero there: only the 1s and the baseline are set). */
  fill: (row: PatternRow, target: Float64Array, offset: number) => void;
  /** The row's x as an array. */
  x: (row: PatternRow) => number[];
}

/** Levels of a column by episodes, most first, ties alphabetical. */
function levelsByCount(rows: readonly PatternRow[], column: number): string[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const level = row[column] as string;
    counts.set(level, (counts.get(level) ?? 0) + countOf(row));
  }
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).map(([level]) => level);
}

const columnName = (term: string, level: string) => `${term}: ${level}`;

/** @param rows modelled rows only (isModelled) */
export function buildDesign(rows: readonly PatternRow[], pickedReference: string | null): Design {
  const groupLevels = levelsByCount(rows, COVARIATE.groupType);
  const referenceGroupType =
    pickedReference !== null && groupLevels.includes(pickedReference) ? pickedReference : groupLevels[0];
  const groupColumns = groupLevels.filter((level) => level !== referenceGroupType);
  const factors = FACTORS.map(({ term, column }) => ({ term, column, levels: levelsByCount(rows, column).slice(1) }));
  const terms: ModelTerm[] = [
    { name: GROUP_TERM, columns: groupColumns.map((level) => columnName(GROUP_TERM, level)) },
    ...factors
      .filter((f) => f.levels.length > 0)
      .map((f) => ({ name: f.term, columns: f.levels.map((level) => columnName(f.term, level)) })),
    { name: BASELINE_TERM, columns: [BASELINE_TERM] },
  ];
  // Each covariate's level → x column (no entry for a reference level), the group type first.
  const columnOf: { column: number; of: Map<string, number> }[] = [
    { column: COVARIATE.groupType, of: new Map(groupColumns.map((level, j) => [level, j])) },
  ];
  let offset = groupColumns.length;
  for (const { column, levels } of factors) {
    columnOf.push({ column, of: new Map(levels.map((level, j) => [level, offset + j])) });
    offset += levels.length;
  }
  const width = offset + 1;
  const fill = (row: PatternRow, target: Float64Array, at: number) => {
    for (const { column, of } of columnOf) {
      const j = of.get(row[column] as string);
      if (j !== undefined) target[at + j] = 1;
    }
    target[at + width - 1] = row[COVARIATE.baselineDaysUsed] as number;
  };
  return {
    terms,
    referenceGroupType,
    groupLevels: [referenceGroupType, ...groupColumns].map((group) => ({
      group,
      column: group === referenceGroupType ? null : columnName(GROUP_TERM, group),
    })),
    width,
    fill,
    x: (row) => {
      const x = new Float64Array(width);
      fill(row, x, 0);
      return Array.from(x);
    },
  };
}
