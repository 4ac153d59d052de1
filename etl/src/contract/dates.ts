// Dates: `YYYY-MM-DD`, or `M/D/YYYY` (US order, one or two digits for month and day).
// The result is always ISO `YYYY-MM-DD`, so dates compare correctly as strings.
//
// Parsed by hand rather than with a regular expression or `Date`: this runs for millions of rows,
// an ISO date that is already canonical is returned without allocating, and `Date` would silently
// roll 2025-02-30 over to March 2.

import type { ParseResult } from './values';

/** Years outside this range are typing mistakes in an outpatient treatment record (e.g. 0202, 2205). */
export const MIN_DATE_YEAR = 1900;
export const MAX_DATE_YEAR = 2100;

const DASH = 0x2d;
const DIGIT_0 = 0x30;
const ISO_LENGTH = 10;
// Error path only: where a time of day would start after a date ("2025-01-05T10:00", "1/5/2025 0:00").
const TIME_START = /[T ]/;

/** The number written in `text[start, start+length)`, or -1 when any of it is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

type DateParts = { year: number; month: number; day: number; iso: boolean } | null;

/** Splits either accepted form into numbers, without judging the calendar. */
function splitDate(text: string): DateParts {
  if (text.length === ISO_LENGTH && text.charCodeAt(4) === DASH && text.charCodeAt(7) === DASH) {
    const year = digitsAt(text, 0, 4);
    const month = digitsAt(text, 5, 2);
    const day = digitsAt(text, 8, 2);
    return year < 0 || month < 0 || day < 0 ? null : { year, month, day, iso: true };
  }
  const first = text.indexOf('/');
  const second = first < 0 ? -1 : text.indexOf('/', first + 1);
  if (first < 1 || first > 2 || second - first < 2 || second - first > 3) return null;
  const yearLength = text.length - second - 1;
  if (yearLength !== 4 && yearLength !== 2) return null;
  const month = digitsAt(text, 0, first);
  const day = digitsAt(text, first + 1, second - first - 1);
  const year = digitsAt(text, second + 1, yearLength);
  if (month < 0 || day < 0 || year < 0) return null;
  // A two-digit year is reported by the caller, which sees it as year -1.
  return { year: yearLength === 2 ? -1 : year, month, day, iso: false };
}

function notADate(text: string): { error: string } {
  // Only on the error path: say so when the date is fine but followed by a time of day.
  const timeStart = text.search(TIME_START);
  if (timeStart > 0) {
    const datePart = text.slice(0, timeStart);
    if (parseDate(datePart).error === undefined) {
      return { error: 'includes a time of day; give the date only (YYYY-MM-DD or M/D/YYYY)' };
    }
  }
  return { error: 'is not a date in the form YYYY-MM-DD or M/D/YYYY' };
}

/** A real calendar date between 1900 and 2100 in either accepted form, returned as `YYYY-MM-DD`. */
export function parseDate(raw: string): ParseResult<string> {
  const text = raw.trim();
  if (text.length === 0) return { error: 'is empty' };
  const parts = splitDate(text);
  if (parts === null) return notADate(text);
  const { year, month, day } = parts;
  if (year < 0) return { error: 'has a two-digit year; write the year in full (M/D/YYYY)' };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    // 13/1/2025 is most likely day/month/year: say how slashes are read.
    const hint =
      !parts.iso && month > 12 && day >= 1 && day <= 12 ? ' (dates with slashes are read as month/day/year)' : '';
    return { error: `is not a real calendar date${hint}` };
  }
  if (year < MIN_DATE_YEAR || year > MAX_DATE_YEAR) {
    return { error: `is outside the years ${MIN_DATE_YEAR} to ${MAX_DATE_YEAR}` };
  }
  // An ISO date that passed every check is already canonical: return the same string.
  return { value: parts.iso ? text : `${year}-${pad2(month)}-${pad2(day)}` };
}
