// The header row decides whether a file is read at all.
//
// Header names are trimmed and compared without case. Trimming also drops a byte-order mark before
// the first name: String.prototype.trim counts U+FEFF as white space. Runs of spaces and hyphens
// count as an underscore, so "Site ID" and "site-id" are site_id: the same leniency the identifier
// check needs ("First Name" is first_name), applied to every column so the two never disagree.
//
// Refused whole, in this order of precedence: a direct-identifier column (nothing else is said, so
// that message is never buried), then duplicate names and missing required columns (all reported
// together). Blank header cells (a trailing comma from a spreadsheet) and unknown names are ignored
// and returned for the one warning per file.

import type { FileKind } from './file-kinds';
import { directIdentifierOf } from './identifiers';
import { type ColumnOf, columnsOf, requiredColumnsOf } from './rules';

export type HeaderRefusal = 'direct_identifier' | 'duplicate_column' | 'missing_column';

export interface AcceptedHeader<K extends FileKind> {
  readonly ok: true;
  readonly kind: K;
  /** Position of each contract column in the file; absent for optional columns the file lacks. */
  readonly columns: Readonly<Partial<Record<ColumnOf<K>, number>>>;
  /** Header names that were ignored, as written (blank cells as "(unnamed column N)"). */
  readonly ignoredColumns: readonly string[];
  /** Number of header cells: every row must have this many fields. */
  readonly fieldCount: number;
}

export interface RefusedHeader {
  readonly ok: false;
  /** The first kind of problem found, for grouping refusals; `error` describes all of them. */
  readonly code: HeaderRefusal;
  /** Says what is wrong in fixed words and contract column names only, so anyone may read it. */
  readonly error: string;
  /**
   * The header cells at fault, as written. Directors only: a file without a header row has its
   * first data row read as the header, so these may be values (even participant IDs).
   */
  readonly detail: string | null;
}

export type HeaderCheck<K extends FileKind> = AcceptedHeader<K> | RefusedHeader;

// Compiled once, shared by every file.
const SPACES_AND_HYPHENS = /[\s-]+/g;
const IDENTIFIER_TAIL =
  'files with direct identifiers (names, birth dates, SSNs, phone numbers, email or street addresses) are refused whole and nothing from this file was stored';

/** The form header names are matched in: lower case, spaces and hyphens as underscores. */
export function canonicalHeaderName(name: string): string {
  return name.trim().toLowerCase().replace(SPACES_AND_HYPHENS, '_');
}

function quoted(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}

/** "1 and 3", "1, 3 and 5". */
function positionList(positions: readonly number[]): string {
  const shown = positions.map((position) => String(position + 1));
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]!}`;
}

function refuseIdentifiers(found: readonly { name: string; identifier: string }[]): RefusedHeader {
  const listed = found.map(({ name, identifier }) => `"${name}" (${identifier})`).join(', ');
  const subject =
    found.length === 1 ? 'a column looks like a direct identifier' : 'columns look like direct identifiers';
  return { ok: false, code: 'direct_identifier', error: `${subject}; ${IDENTIFIER_TAIL}`, detail: listed };
}

export function checkHeader<K extends FileKind>(kind: K, rawHeader: readonly string[]): HeaderCheck<K> {
  // Names as written, minus surrounding blanks (and so minus a byte-order mark): used in messages.
  const names = rawHeader.map((cell) => cell.trim());

  const identifiers = names.flatMap((name) => {
    const identifier = directIdentifierOf(name);
    return identifier === null ? [] : [{ name, identifier }];
  });
  if (identifiers.length > 0) return refuseIdentifiers(identifiers);

  const positionsByName = new Map<string, number[]>();
  names.forEach((name, position) => {
    if (name === '') return;
    const canonical = canonicalHeaderName(name);
    const positions = positionsByName.get(canonical);
    if (positions === undefined) positionsByName.set(canonical, [position]);
    else positions.push(position);
  });

  const problems: string[] = [];
  let code: HeaderRefusal | null = null;
  const repeated = [...positionsByName.values()].filter((positions) => positions.length > 1);
  if (repeated.length > 0) {
    problems.push(repeated.length === 1 ? 'a column appears more than once' : 'columns appear more than once');
    code = 'duplicate_column';
  }
  const missing = requiredColumnsOf(kind).filter((column) => !positionsByName.has(column));
  if (missing.length > 0) {
    problems.push(`missing required column${missing.length === 1 ? '' : 's'} ${quoted(missing)}`);
    code ??= 'missing_column';
  }
  if (code !== null) {
    const detail = repeated.map((positions) => `"${names[positions[0]!]}" (columns ${positionList(positions)})`);
    return { ok: false, code, error: problems.join('; '), detail: detail.length > 0 ? detail.join(', ') : null };
  }

  const known = new Set<string>(columnsOf(kind));
  const columns: Partial<Record<ColumnOf<K>, number>> = {};
  const ignoredColumns: string[] = [];
  names.forEach((name, position) => {
    const canonical = canonicalHeaderName(name);
    if (name === '') ignoredColumns.push(`(unnamed column ${position + 1})`);
    else if (known.has(canonical)) columns[canonical as ColumnOf<K>] = position;
    else ignoredColumns.push(name);
  });
  return { ok: true, kind, columns, ignoredColumns, fieldCount: rawHeader.length };
}
