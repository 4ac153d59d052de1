/**
 * The period a figure is compared with (docs/METRICS.md, "Comparisons over time"), once, for the
 * API and the dashboard. Dates are ISO YYYY-MM-DD strings computed in UTC. Pure, no imports.
 */

/** How the previous period is chosen. */
export const COMPARISON_KINDS = ['sameLength', 'calendar', 'yearEarlier'] as const;
export type ComparisonKind = (typeof COMPARISON_KINDS)[number];

/** A user's words for each kind (filter bar, report). */
export const COMPARISON_LABELS: Record<ComparisonKind, string> = {
  sameLength: 'Same length, just before',
  calendar: 'Previous month, quarter or year',
  yearEarlier: 'Same dates a year earlier',
};

export interface ComparisonWindow {
  from: string;
  to: string;
  /** How it was chosen, in plain words: "the previous quarter", "the same dates a year earlier", … */
  description: string;
}

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);

function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/** The same day `months` months later (earlier when negative), kept to the month's last day. */
function addMonths(iso: string, months: number): string {
  const d = toDate(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return toIso(target);
}

const CALENDAR_KINDS: readonly { months: number; startMonths: readonly number[]; name: string }[] = [
  { months: 1, startMonths: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], name: 'the previous month' },
  { months: 3, startMonths: [0, 3, 6, 9], name: 'the previous quarter' },
  { months: 6, startMonths: [0, 6], name: 'the previous half-year' },
  { months: 12, startMonths: [0], name: 'the previous year' },
];

/**
 * The whole calendar month, quarter, half-year or year that [from, to] is, or null: it must start
 * on the first day of such a period and end on its last day.
 */
export function calendarPeriodKind(from: string, to: string): { months: number; name: string } | null {
  const start = toDate(from);
  if (start.getUTCDate() !== 1) return null;
  for (const kind of CALENDAR_KINDS) {
    if (!kind.startMonths.includes(start.getUTCMonth())) continue;
    if (addDays(addMonths(from, kind.months), -1) === to) return kind;
  }
  return null;
}

/** The period [from, to] is compared with, chosen by `kind` (default: the same length just before). */
export function comparisonWindow(from: string, to: string, kind: ComparisonKind = 'sameLength'): ComparisonWindow {
  if (kind === 'yearEarlier')
    return { from: addMonths(from, -12), to: addMonths(to, -12), description: 'the same dates a year earlier' };
  if (kind === 'calendar') {
    const calendar = calendarPeriodKind(from, to);
    if (calendar)
      return {
        from: addMonths(from, -calendar.months),
        to: addDays(from, -1),
        description: calendar.name,
      };
  }
  const days = Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000) + 1;
  return {
    from: addDays(from, -days),
    to: addDays(from, -1),
    description:
      kind === 'calendar'
        ? 'the same number of days just before (the period is not a whole calendar month, quarter, half-year or year)'
        : 'the same number of days just before',
  };
}
