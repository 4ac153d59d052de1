// A spreadsheet cell as the text a CSV export would hold, so that the contract's rules apply
// unchanged. Dates come as real date cells (exceljs gives a Date, at midnight UTC for a date
// without a time) or as plain serial numbers (days since 1899-12-30, Excel's 1900 date system)
// in a column the contract reads as a date.

import { RULES_BY_KIND, type FileKind } from '../contract';
import { parseDate } from '../contract/dates';
import { canonicalHeaderName } from '../contract/header';

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system as it counts (it takes 1900 for a leap year). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoDay(date: Date): string {
  const text = date.toISOString();
  // A time of day is kept, so that the date rule says the date has one (not silently dropped).
  return date.getTime() % DAY_MS === 0 ? text.slice(0, 10) : `${text.slice(0, 10)} ${text.slice(11, 16)}`;
}

/** A serial day number as a date; a fraction is a time of day. */
export function serialToDate(serial: number): string {
  return isoDay(new Date(SERIAL_EPOCH_MS + Math.round(serial * DAY_MS)));
}

type CellValue = unknown;

/** The text of a cell; `asDate` for a column the contract reads as a date. */
export function cellText(value: CellValue, asDate: boolean): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'number') return asDate ? serialToDate(value) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; result?: CellValue; text?: string; error?: string };
    if (cell.richText) return cell.richText.map((part) => part.text).join('');
    if ('result' in cell) return cellText(cell.result, asDate); // a formula: its last computed value
    if (typeof cell.text === 'string') return cell.text; // a hyperlink
    if (typeof cell.error === 'string') return cell.error; // #N/A and the like, rejected by the rules
  }
  return String(value);
}

/** For each header cell, whether the contract reads that column as a date. */
export function dateColumns(kind: FileKind, header: readonly string[]): boolean[] {
  const columns = RULES_BY_KIND[kind].columns as Readonly<Record<string, { parse: unknown }>>;
  return header.map((name) => columns[canonicalHeaderName(name)]?.parse === parseDate);
}
