/** Calendar periods of releases: a month, quarter, half-year or year, aligned to the calendar. */

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const MONTHS_IN: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };

export interface CalendarPeriod {
  kind: PeriodKind;
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD. */
  to: string;
}

export const isPeriodKind = (value: string): value is PeriodKind => (PERIOD_KINDS as readonly string[]).includes(value);

/**
 * The calendar period of a kind that starts on `from`, or a sentence saying why there is none
 * (a quarter starts on 1 January, 1 April, 1 July or 1 October).
 */
export function calendarPeriod(kind: PeriodKind, from: string): CalendarPeriod | string {
  const m = /^(\d{4})-(\d{2})-01$/.exec(from);
  const months = MONTHS_IN[kind];
  if (!m || (Number(m[2]) - 1) % months !== 0 || Number(m[2]) > 12) {
    const starts = Array.from({ length: 12 / months }, (_, i) => MONTH_NAMES[i * months]).join(', ');
    return `a ${kind} starts on the first day of ${starts} (got ${from.slice(0, 20)})`;
  }
  return { kind, from, to: lastDay(Number(m[1]), Number(m[2]) - 1 + months) };
}

/** The period of the same kind just before. */
export function previousPeriod(period: CalendarPeriod): CalendarPeriod {
  const [y, mo] = period.from.split('-').map(Number);
  const index = y * 12 + (mo - 1) - MONTHS_IN[period.kind];
  const from = `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
  return calendarPeriod(period.kind, from) as CalendarPeriod;
}

/** "Q2 2026", "March 2026", "H1 2026", "2026": how a period is named in lists and file names. */
export function periodName(period: CalendarPeriod): string {
  const [y, mo] = period.from.split('-').map(Number);
  switch (period.kind) {
    case 'month':
      return `${MONTH_NAMES[mo - 1]} ${y}`;
    case 'quarter':
      return `Q${(mo - 1) / 3 + 1} ${y}`;
    case 'half':
      return `H${(mo - 1) / 6 + 1} ${y}`;
    default:
      return String(y);
  }
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of the month before month index `monthAfter` (0-based, may pass 11). */
function lastDay(year: number, monthAfter: number): string {
  const d = new Date(Date.UTC(year, monthAfter, 0));
  return d.toISOString().slice(0, 10);
}
