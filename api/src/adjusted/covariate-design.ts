/**
 * Turns the counted covariate patterns of ADJUSTED_PATTERNS_SQL into model terms and x vectors:
 * the primary group type and each categorical covariate as a factor (indicator columns, one level
 * left out as the reference), baseline days used as a number.
 *
 * References: the group type the user picked, else the one with the most episodes (METRICS.md);
 * for the other factors the most common level (ties: alphabetical). R would take the alphabetically
 * first level; the choice changes only those factors' own coefficients, never the group types'.
 */
import type { ModelTerm } from '../stats';

export interface PatternRow {
  groupType: string | null;
  ageBand: string;
  gender: string;
  substance: string;
  coOccurring: string;
  baselineDaysUsed: number | null;
  siteId: string;
  t: number;
  event: boolean;
  discharged: boolean;
  completed: boolean;
  n: number;
}

/** A modelled row: every covariate present. */
export type ModelledRow = PatternRow & { groupType: string; baselineDaysUsed: number };

export const GROUP_TERM = 'group type';
const FACTORS: { term: string; value: (row: PatternRow) => string }[] = [
  { term: 'age band', value: (row) => row.ageBand },
  { term: 'gender', value: (row) => row.gender },
  { term: 'primary substance', value: (row) => row.substance },
  { term: 'co-occurring disorder', value: (row) => row.coOccurring },
  { term: 'site', value: (row) => row.siteId },
];
export const BASELINE_TERM = 'baseline days used';

export interface Design {
  terms: ModelTerm[];
  referenceGroupType: string;
  /** Each group type with its column (null for the reference), most episodes first. */
  groupLevels: { group: string; column: string | null }[];
  x: (row: ModelledRow) => number[];
}

/** Levels by episodes, most first, ties alphabetical. */
function levelsByCount(rows: readonly ModelledRow[], value: (row: ModelledRow) => string): string[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(value(row), (counts.get(value(row)) ?? 0) + row.n);
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).map(([level]) => level);
}

const columnName = (term: string, level: string) => `${term}: ${level}`;

export function buildDesign(rows: readonly ModelledRow[], pickedReference: string | null): Design {
  const groupLevels = levelsByCount(rows, (row) => row.groupType);
  const referenceGroupType =
    pickedReference !== null && groupLevels.includes(pickedReference) ? pickedReference : groupLevels[0];
  const groupColumns = groupLevels.filter((level) => level !== referenceGroupType);
  const factors = FACTORS.map(({ term, value }) => ({ term, value, levels: levelsByCount(rows, value).slice(1) }));
  const terms: ModelTerm[] = [
    { name: GROUP_TERM, columns: groupColumns.map((level) => columnName(GROUP_TERM, level)) },
    ...factors
      .filter((f) => f.levels.length > 0)
      .map((f) => ({ name: f.term, columns: f.levels.map((level) => columnName(f.term, level)) })),
    { name: BASELINE_TERM, columns: [BASELINE_TERM] },
  ];
  const groupColumnOf = new Map(groupColumns.map((level, j) => [level, j]));
  let offset = groupColumns.length;
  const factorColumns = factors.map(({ value, levels }) => {
    const columnOf = new Map(levels.map((level, j) => [level, offset + j]));
    offset += levels.length;
    return { value, columnOf };
  });
  const width = offset + 1;
  return {
    terms,
    referenceGroupType,
    groupLevels: [referenceGroupType, ...groupColumns].map((group) => ({
      group,
      column: group === referenceGroupType ? null : columnName(GROUP_TERM, group),
    })),
    // Each factor's levels by column (no entry for its reference level), filled into a row of zeros.
    x: (row) => {
      const x = new Array<number>(width).fill(0);
      const groupColumn = groupColumnOf.get(row.groupType);
      if (groupColumn !== undefined) x[groupColumn] = 1;
      for (const { value, columnOf } of factorColumns) {
        const column = columnOf.get(value(row));
        if (column !== undefined) x[column] = 1;
      }
      x[width - 1] = row.baselineDaysUsed;
      return x;
    },
  };
}
