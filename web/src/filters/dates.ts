// Calendar dates as ISO `YYYY-MM-DD` strings, computed in UTC: a date has no time zone, and the
// browser's local zone must not shift a period by a day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD between 1900 and 2999 (as the API accepts). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2999 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = toDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date);
}

/** First day of a month (0-based month), as YYYY-MM-DD. */
export function monthStart(year: number, month: number): string {
  return toIso(new Date(Date.UTC(year, month, 1)));
}

/** First day of the calendar quarter containing the date. */
export function quarterStart(iso: string): string {
  const date = toDate(iso);
  const firstMonth = Math.floor(date.getUTCMonth() / 3) * 3;
  return toIso(new Date(Date.UTC(date.getUTCFullYear(), firstMonth, 1)));
}
