// A spreadsheet runs a cell that starts with =, +, - or @ as a formula, and some strip a leading
// tab or carriage return first: a value taken from an export could then compute, fetch or leak
// something when a rejects CSV is opened (OWASP "CSV injection"). A leading apostrophe makes the
// spreadsheet show the cell as text. Every CSV of rejects passes each value through this.

const FORMULA_START = /^[=+\-@\t\r]/;

/** The value, prefixed with `'` when a spreadsheet would read it as a formula. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
