// One source row → the contract's values, by a file mapping. Pure: the streaming (apply-profile.ts)
// and the preview share it. A value the mapping cannot turn into the contract's form (a code the
// value map does not name, a date not in the profile's format) is a mapping problem: the row is
// not passed on, and the problem names the source column.

import { toIsoDate } from './dates';
import type { FileMapping } from './profile';
import { DATE_COLUMNS, requiredTargetColumns, targetColumns } from './targets';
import { codesOf, lookupTable, mapValue } from './values';

export interface MappingProblem {
  /** The source column as written (or the contract column, for a constant). */
  column: string;
  value: string;
  /** Fixed words: no value, id or date. */
  reason: string;
  /** Which contract column, and what would fix it. */
  detail: string;
}

export type MappedRow = { ok: true; values: Record<string, string> } | { ok: false; problems: MappingProblem[] };

export const UNKNOWN_CODE = 'a code the mapping profile does not map';
export const NOT_A_DATE = "not a date in the mapping profile's date format";
export const MISSING_SOURCE_COLUMN = 'a column the mapping profile reads is not in the file';

interface ColumnPlan {
  column: string;
  source: string | null;
  index: number;
  constant: string | null;
  table: ReadonlyMap<string, string> | null;
  date: boolean;
}

export interface RowMapper {
  /** The contract (or report) columns this mapping fills, in the target's order. */
  columns: string[];
  map(record: readonly string[]): MappedRow;
}

/** Header cells compared as the contract compares them: trimmed, any case. */
export function headerKey(name: string): string {
  return name.trim().toLowerCase();
}

export class MappingHeaderError extends Error {
  constructor(
    readonly missing: string[],
    readonly targetMissing: string[],
  ) {
    super(
      missing.length > 0
        ? `${MISSING_SOURCE_COLUMN}: ${missing.map((m) => JSON.stringify(m)).join(', ')}`
        : `the mapping profile gives no source for the required column${targetMissing.length > 1 ? 's' : ''} ${targetMissing.join(', ')}`,
    );
    this.name = 'MappingHeaderError';
  }
}

/** Plans the mapping of one file from its header; throws MappingHeaderError when it cannot apply. */
export function createRowMapper(mapping: FileMapping, header: readonly string[]): RowMapper {
  const position = new Map<string, number>();
  header.forEach((name, i) => {
    if (!position.has(headerKey(name))) position.set(headerKey(name), i);
  });
  const plans: ColumnPlan[] = [];
  const missing: string[] = [];
  for (const column of targetColumns(mapping.target)) {
    const source = mapping.columns[column] ?? null;
    const constant = mapping.constants[column] ?? null;
    if (source === null && constant === null) continue;
    const index = source === null ? -1 : (position.get(headerKey(source)) ?? -1);
    if (source !== null && index < 0 && constant === null) missing.push(source);
    plans.push({
      column,
      source,
      index,
      constant,
      table: lookupTable(mapping.values[column]),
      date: DATE_COLUMNS.has(column),
    });
  }
  const planned = new Set(plans.map((p) => p.column));
  const targetMissing = requiredTargetColumns(mapping.target).filter((c) => !planned.has(c));
  if (missing.length > 0 || targetMissing.length > 0) throw new MappingHeaderError(missing, targetMissing);

  return {
    columns: plans.map((p) => p.column),
    map(record) {
      const values: Record<string, string> = {};
      const problems: MappingProblem[] = [];
      for (const plan of plans) {
        const raw = plan.index >= 0 ? (record[plan.index] ?? '') : '';
        const written = raw.trim() === '' && plan.constant !== null ? plan.constant : raw;
        const where = plan.source ?? plan.column;
        if (plan.date) {
          const date = toIsoDate(written, mapping.dateFormat);
          if (date === null) {
            problems.push({
              column: where,
              value: written,
              reason: NOT_A_DATE,
              detail: `${where} → ${plan.column}, read as ${mapping.dateFormat}`,
            });
          } else values[plan.column] = date;
          continue;
        }
        const value = mapValue(plan.column, written, plan.table);
        if (value === null) {
          problems.push({
            column: where,
            value: written,
            reason: UNKNOWN_CODE,
            detail: `${where} → ${plan.column}: add it to the value map (accepted: ${(codesOf(plan.column) ?? []).join(', ')})`,
          });
        } else values[plan.column] = value;
      }
      return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
    },
  };
}
