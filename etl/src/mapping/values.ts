// Coded columns: a profile's value map turns a program's local codes ("P", "No Show", "01") into
// the contract's codes. A value the map does not name passes through when the contract accepts it
// as written (its codes and aliases); otherwise the row is a mapping reject.

import {
  ATTENDANCE_STATUSES,
  DISCHARGE_REASONS,
  GENDERS,
  GROUP_TYPES,
  MODALITIES,
  SUBSTANCES,
  type EnumParser,
  parseBoolean,
} from '../contract';

/** The contract's parser for each coded column, by column name (the same in every file). */
export const CODED_COLUMNS: Readonly<Record<string, EnumParser<string>>> = {
  status: ATTENDANCE_STATUSES,
  discharge_reason: DISCHARGE_REASONS,
  group_type: GROUP_TYPES,
  modality: MODALITIES,
  gender: GENDERS,
  primary_substance: SUBSTANCES,
};

export const BOOLEAN_COLUMNS: ReadonlySet<string> = new Set(['co_occurring', 'goal_met']);

/** The codes a column accepts, for the mapping screen's selects; null for a free column. */
export function codesOf(column: string): readonly string[] | null {
  if (BOOLEAN_COLUMNS.has(column)) return ['true', 'false'];
  return CODED_COLUMNS[column]?.codes ?? null;
}

function normalise(value: string): string {
  return value.trim().toLowerCase();
}

/** A value map keyed the way it is looked up (trimmed, any case). */
export function lookupTable(map: Readonly<Record<string, string>> | undefined): ReadonlyMap<string, string> | null {
  if (map === undefined || Object.keys(map).length === 0) return null;
  return new Map(Object.entries(map).map(([from, to]) => [normalise(from), to]));
}

export function acceptedAsWritten(column: string, value: string): boolean {
  if (BOOLEAN_COLUMNS.has(column)) return parseBoolean(value).error === undefined;
  const parser = CODED_COLUMNS[column];
  return parser === undefined || parser.parse(value).error === undefined;
}

/** The contract value for `raw`, or null when the column is coded and neither map nor contract knows it. */
export function mapValue(column: string, raw: string, table: ReadonlyMap<string, string> | null): string | null {
  const value = raw.trim();
  if (value === '') return '';
  const mapped = table?.get(normalise(value));
  if (mapped !== undefined) return mapped;
  return acceptedAsWritten(column, value) ? value : null;
}
