// Calendar arithmetic on whole UTC days. The generator works with day numbers (days since
// 1970-01-01) because they are plain integers: cheap to compare, add and use as array indexes,
// and free of time-zone surprises.

const MS_PER_DAY = 86_400_000;

export const WEEKDAY = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 } as const;

/** Parses a strict `YYYY-MM-DD` into a day number; throws on anything else, including 2026-02-30. */
export function parseIsoDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`expected a date as YYYY-MM-DD, got "${text}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new Error(`"${text}" is not a calendar date`);
  }
  return ms / MS_PER_DAY;
}

export function formatIsoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Formatting a date through Date is slow in a loop of millions of rows; this caches the strings
 * of one contiguous range of days. */
export class IsoDayCache {
  private readonly texts: string[] = [];

  constructor(
    private readonly firstDay: number,
    lastDay: number,
  ) {
    for (let day = firstDay; day <= lastDay; day++) this.texts.push(formatIsoDay(day));
  }

  format(day: number): string {
    const text = this.texts[day - this.firstDay];
    return text ?? formatIsoDay(day);
  }
}

function nthWeekdayOfMonth(year: number, monthIndex: number, weekday: number, n: number): number {
  const first = Date.UTC(year, monthIndex, 1) / MS_PER_DAY;
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return first + offset + (n - 1) * 7;
}

function lastWeekdayOfMonth(year: number, monthIndex: number, weekday: number): number {
  const last = Date.UTC(year, monthIndex + 1, 0) / MS_PER_DAY;
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

/** US federal holidays on which an outpatient program typically closes, so the session calendar
 * has the gaps a real one has. */
export function programHolidays(firstDay: number, lastDay: number): Set<number> {
  const holidays = new Set<number>();
  for (let year = yearOf(firstDay); year <= yearOf(lastDay); year++) {
    holidays.add(Date.UTC(year, 0, 1) / MS_PER_DAY); // New Year's Day
    holidays.add(lastWeekdayOfMonth(year, 4, WEEKDAY.monday)); // Memorial Day
    holidays.add(Date.UTC(year, 6, 4) / MS_PER_DAY); // Independence Day
    holidays.add(nthWeekdayOfMonth(year, 8, WEEKDAY.monday, 1)); // Labor Day
    holidays.add(nthWeekdayOfMonth(year, 10, WEEKDAY.thursday, 4)); // Thanksgiving
    holidays.add(Date.UTC(year, 11, 25) / MS_PER_DAY); // Christmas Day
  }
  return holidays;
}
