// Test helpers: build a record for a kind from named fields, and validate it under a header that
// has every contract column in the contract's order. Used by the specs only.

import type { FileKind } from '../file-kinds';
import { type AcceptedHeader, checkHeader } from '../header';
import { type RowResult, validateRow } from '../rows';
import { type ColumnOf, type RowByKind, columnsOf } from '../rules';

/** The year the specs run "in", so birth_year bounds do not move with the clock. */
export const TEST_YEAR = 2026;

export type Fields<K extends FileKind> = Partial<Record<ColumnOf<K>, string>>;

const headers = new Map<FileKind, AcceptedHeader<FileKind>>();

export function fullHeader<K extends FileKind>(kind: K): AcceptedHeader<K> {
  const cached = headers.get(kind);
  if (cached !== undefined) return cached as AcceptedHeader<K>;
  const header = checkHeader(kind, [...columnsOf(kind)]);
  if (!header.ok) throw new Error(`test header for ${kind} refused: ${header.error}`);
  headers.set(kind, header);
  return header;
}

/** A record with `fields` in their columns and every other column empty. */
export function recordOf<K extends FileKind>(kind: K, fields: Fields<K>): string[] {
  const written: Readonly<Record<string, string | undefined>> = fields;
  return columnsOf(kind).map((column) => written[column] ?? '');
}

export function validateFields<K extends FileKind>(
  kind: K,
  base: Fields<K>,
  changes: Fields<K> = {},
): RowResult<RowByKind[K]> {
  return validateRow(kind, recordOf(kind, { ...base, ...changes }), fullHeader(kind), { currentYear: TEST_YEAR });
}

/** An expected error's reason, or its reason and detail when the rule records one. */
export type Reason = string | { reason: string; detail: string };

export function withDetail(expected: Reason): { reason: string; detail: string | null } {
  return typeof expected === 'string' ? { reason: expected, detail: null } : expected;
}
