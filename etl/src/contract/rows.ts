// Turns one parsed CSV record into a normalised row, or into every error the row has.
//
// Built for a stream of millions of records: the header is resolved into a plan once per file
// (position, parser and default of each contract column), and validating a record is one loop over
// that plan. Nothing here creates functions or regular expressions per row, and a valid row
// allocates only its parse results, the row and the result.
//
// Plug-in point for a stream pipeline (csv-parse with `relax_column_count: true` and
// `skip_empty_lines: true`, so that a malformed row is reported here instead of failing the file):
//
//   const header = checkHeader(kind, firstRecord);       // refuse the file if !header.ok
//   const validate = createRowValidator(header);          // once per file
//   for each later record: const result = validate(record);
//
// Errors name the contract column and carry the field exactly as written. A reason is a fixed text
// per fault (it never holds the value, nor an id, date or count taken from the row), so it is safe to
// log and to show to anyone, and rows with the same fault group together; what is particular to the
// row goes into `detail`, which, like the `value`, may name a participant.

import type { FileKind } from './file-kinds';
import type { AcceptedHeader } from './header';
import { RULES_BY_KIND, type RowByKind } from './rules';
import type { ColumnParser, RowEnvironment, RowProblems } from './rules/types';

export interface RowError {
  /** Contract column name, or WHOLE_ROW when the row as a whole cannot be read. */
  readonly column: string;
  /** The field as written in the file ('' when it was absent). */
  readonly value: string;
  readonly reason: string;
  /** The row's particulars behind the reason (other fields, lengths, positions), or null. */
  readonly detail: string | null;
}

export type RowResult<Row> =
  { readonly ok: true; readonly row: Row } | { readonly ok: false; readonly errors: readonly RowError[] };

export interface RowValidationOptions {
  /** Upper bound of birth_year; defaults to the current year (UTC). */
  readonly currentYear?: number;
}

export type RowValidator<K extends FileKind> = (record: readonly string[]) => RowResult<RowByKind[K]>;

/** The `column` of an error about the whole row (wrong number of fields). */
export const WHOLE_ROW = '';

// The validator works on rows with their types erased; the per-kind rules (ColumnRules<Row>) are
// what guarantee that the fields built from them make up exactly a RowByKind[K].
type ErasedRow = Record<string, unknown>;
interface ErasedColumnRule {
  readonly required: boolean;
  readonly parse: ColumnParser<unknown>;
  readonly whenEmpty?: unknown;
}
interface ErasedRules {
  readonly columns: Readonly<Record<string, ErasedColumnRule>>;
  readonly check?: (row: ErasedRow, problems: RowProblems<ErasedRow>) => void;
}

interface PlannedColumn {
  readonly column: string;
  /** Index of the field in each record, or -1 when the file has no such (optional) column. */
  readonly position: number;
  readonly required: boolean;
  readonly parse: ColumnParser<unknown>;
  readonly whenEmpty: unknown;
  /** Built once: the same for every row where this required column is empty. */
  readonly missingReason: string;
}

const TOO_MANY_FIELDS =
  'the row has more fields than the header has columns, so its values cannot be matched to columns (a value may contain an unquoted comma)';
const TOO_FEW_FIELDS =
  'the row has fewer fields than the header has columns, so its values cannot be matched to columns';

function fieldCountError(fields: number, columns: number): RowError {
  const counted = fields === 1 ? '1 field' : `${fields} fields`;
  return {
    column: WHOLE_ROW,
    value: '',
    reason: fields > columns ? TOO_MANY_FIELDS : TOO_FEW_FIELDS,
    detail: `${counted}; the header has ${columns} columns`,
  };
}

/** Whether every field past the header's width is blank (a trailing comma is harmless). */
function onlyBlankExtraFields(record: readonly string[], fieldCount: number): boolean {
  for (let i = fieldCount; i < record.length; i++) if (record[i]!.trim() !== '') return false;
  return true;
}

// Placeholders between rows, so that the plan holds on to no row and allocates none to reset.
const NO_RECORD: readonly string[] = [];
const NO_ROW: Readonly<ErasedRow> = {};

/** One file's validation plan. It also serves as the `problems` of cross-column checks. */
class RowPlan implements RowProblems<ErasedRow> {
  private readonly planned: readonly PlannedColumn[];
  private readonly positionByColumn: ReadonlyMap<string, number>;
  private readonly check: ErasedRules['check'];
  private readonly fieldCount: number;
  // State of the row being validated; validation is synchronous, so one set per plan is enough.
  private record: readonly string[] = NO_RECORD;
  private row: Readonly<ErasedRow> = NO_ROW;
  private errors: RowError[] | null = null;

  constructor(header: AcceptedHeader<FileKind>) {
    const rules = RULES_BY_KIND[header.kind] as unknown as ErasedRules;
    const positions: Readonly<Record<string, number | undefined>> = header.columns;
    this.planned = Object.entries(rules.columns).map(([column, rule]) => ({
      column,
      position: positions[column] ?? -1,
      required: rule.required,
      parse: rule.parse,
      whenEmpty: rule.whenEmpty ?? null,
      missingReason: `${column} is required but empty`,
    }));
    this.positionByColumn = new Map(this.planned.map(({ column, position }) => [column, position]));
    this.check = rules.check;
    this.fieldCount = header.fieldCount;
  }

  validate(record: readonly string[], environment: RowEnvironment): RowResult<ErasedRow> {
    if (
      record.length !== this.fieldCount &&
      !(record.length > this.fieldCount && onlyBlankExtraFields(record, this.fieldCount))
    ) {
      return { ok: false, errors: [fieldCountError(record.length, this.fieldCount)] };
    }
    const row: ErasedRow = {};
    this.record = record;
    this.row = row;
    this.errors = null;
    const planned = this.planned;
    for (let i = 0; i < planned.length; i++) {
      const column = planned[i]!;
      const raw = column.position < 0 ? undefined : record[column.position];
      const text = raw === undefined ? '' : raw.trim();
      if (text === '') {
        if (column.required) this.push(column.column, raw ?? '', column.missingReason, null);
        row[column.column] = column.whenEmpty;
        continue;
      }
      const parsed = column.parse(text, environment);
      if (parsed.error === undefined) {
        row[column.column] = parsed.value;
      } else {
        this.push(column.column, raw ?? '', `${column.column} ${parsed.error}`, parsed.detail ?? null);
        row[column.column] = null;
      }
    }
    if (this.check !== undefined) this.check(row, this);
    const errors = this.errors;
    this.record = NO_RECORD;
    this.row = NO_ROW;
    this.errors = null;
    return errors === null ? { ok: true, row } : { ok: false, errors };
  }

  add(column: string, reason: string, detail?: string): void {
    this.push(column, this.fieldOf(column) ?? '', reason, detail ?? null);
  }

  isWritten(column: string): boolean {
    const field = this.fieldOf(column);
    return field !== undefined && field.trim() !== '';
  }

  isInvalid(column: string): boolean {
    return this.isWritten(column) && this.row[column] === null;
  }

  private fieldOf(column: string): string | undefined {
    const position = this.positionByColumn.get(column) ?? -1;
    return position < 0 ? undefined : this.record[position];
  }

  private push(column: string, value: string, reason: string, detail: string | null): void {
    const error: RowError = { column, value, reason, detail };
    if (this.errors === null) this.errors = [error];
    else this.errors.push(error);
  }
}

// The default year is read from the clock at most once an hour, not once a row.
let cachedYear = 0;
let cachedYearUntil = 0;
const YEAR_CACHE_MS = 3_600_000;

function currentUtcYear(): number {
  const now = Date.now();
  if (now >= cachedYearUntil) {
    cachedYear = new Date(now).getUTCFullYear();
    cachedYearUntil = now + YEAR_CACHE_MS;
  }
  return cachedYear;
}

function environmentFor(options: RowValidationOptions | undefined): RowEnvironment {
  return { currentYear: options?.currentYear ?? currentUtcYear() };
}

/** A validator for the rows of one file, built once from its accepted header. */
export function createRowValidator<K extends FileKind>(
  header: AcceptedHeader<K>,
  options?: RowValidationOptions,
): RowValidator<K> {
  const plan = new RowPlan(header);
  const environment = environmentFor(options);
  // The erased row was built from RowByKind[K]'s own rules (see ErasedRules).
  return (record) => plan.validate(record, environment) as RowResult<RowByKind[K]>;
}

const plansByHeader = new WeakMap<AcceptedHeader<FileKind>, RowPlan>();

/**
 * Validates one record against the header it came under. The plan is cached per header object, so
 * calling this per row is cheap; createRowValidator avoids even the cache lookup.
 */
export function validateRow<K extends FileKind>(
  kind: K,
  record: readonly string[],
  header: AcceptedHeader<K>,
  options?: RowValidationOptions,
): RowResult<RowByKind[K]> {
  if (header.kind !== kind) throw new Error(`validateRow: a ${header.kind} header was given for a ${kind} row`);
  let plan = plansByHeader.get(header);
  if (plan === undefined) {
    plan = new RowPlan(header);
    plansByHeader.set(header, plan);
  }
  return plan.validate(record, environmentFor(options)) as RowResult<RowByKind[K]>;
}
