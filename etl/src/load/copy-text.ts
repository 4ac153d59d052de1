// Postgres COPY text format: one line per row, fields separated by tabs, NULL written as \N, and
// backslash, tab, newline and carriage return escaped with a backslash. Text format rather than CSV
// because it needs no quoting and the server parses it faster.

export type CopyValue = string | number | boolean | null | undefined;

export const COPY_NULL = '\\N';

// Tested once per string; nearly every value has none of these and is used as is.
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPED = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

// COPY cannot carry a NUL byte in any form. Validated rows never hold one (control characters are
// row errors); reject values may, and are written with U+FFFD in its place.
const NUL = '\u0000';

export function copyText(value: string): string {
  const safe = value.includes(NUL) ? value.replaceAll(NUL, '\uFFFD') : value;
  return NEEDS_ESCAPE.test(safe) ? safe.replace(ESCAPED, (c) => ESCAPES[c]!) : safe;
}

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return COPY_NULL;
  if (typeof value === 'string') return copyText(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}

/** A whole line, newline included. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += '\t';
    line += copyField(values[i]);
  }
  return line + '\n';
}
