// How a kind of file is described: one rule per column, in the order rows are written, plus an
// optional check across columns. The row validator (../rows.ts) turns this into a per-file plan.

import type { ParseResult } from '../values';

/** What a rule may depend on besides the field itself. */
export interface RowEnvironment {
  /** For "birth_year 1900 to the current year"; a parameter so tests do not depend on the clock. */
  readonly currentYear: number;
}

/** Parses a field that is known not to be blank. */
export type ColumnParser<T> = (text: string, environment: RowEnvironment) => ParseResult<T>;

export interface RequiredColumn<T> {
  readonly required: true;
  readonly parse: ColumnParser<T>;
}

/** Optional and null when empty. */
export interface OptionalColumn<T> {
  readonly required: false;
  readonly parse: ColumnParser<T>;
  readonly whenEmpty?: undefined;
}

/** Optional, with a value the contract gives when empty (sobriety window_days: 7). */
export interface DefaultedColumn<T> {
  readonly required: false;
  readonly parse: ColumnParser<T>;
  readonly whenEmpty: T;
}

/** A nullable row field must have an optional rule; a non-null one a required or defaulted rule. */
type RuleFor<V> = null extends V ? OptionalColumn<NonNullable<V>> : RequiredColumn<V> | DefaultedColumn<V>;

export type ColumnRules<Row> = { readonly [C in keyof Row]-?: RuleFor<Row[C]> };

/** A row whose fields are null where they were missing or invalid: what cross-column checks see. */
export type PartialRow<Row> = { readonly [C in keyof Row]: Row[C] | null };

/** Where cross-column checks report. */
export interface RowProblems<Row> {
  /**
   * Records an error on `column`; the error's value is that column's field as written. `reason` is
   * a fixed text (no value, id or date of the row: see ../rows.ts); `detail` holds those.
   */
  add(column: keyof Row & string, reason: string, detail?: string): void;
  /** Whether `column` was written but could not be read (so rules about it are already reported). */
  isInvalid(column: keyof Row & string): boolean;
  /** Whether the field of `column` is not blank (tells a written value from a default). */
  isWritten(column: keyof Row & string): boolean;
}

export interface KindRules<Row> {
  readonly columns: ColumnRules<Row>;
  /** Rules across columns. Only called with the fields that parsed; runs even if others did not. */
  readonly check?: (row: PartialRow<Row>, problems: RowProblems<Row>) => void;
}
