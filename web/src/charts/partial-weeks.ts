import type { Figure } from './figures';
import { weekTitle } from './format';

/** The Mondays of the weeks the API marks partial (cut by the period or as_of). */
export function partialWeeks(weeks: readonly { weekStart: string; partial: boolean }[]): Set<string> {
  return new Set(weeks.filter((w) => w.partial).map((w) => w.weekStart));
}

/**
 * The weekly figures as drawn: a partial week's few rows would read as a spike or a crash, so it
 * is left out unless the reader asks for it (docs/METRICS.md: partial weeks are marked).
 */
export function drawnWeeks(figures: readonly Figure[], partial: ReadonlySet<string>, showPartial: boolean): Figure[] {
  return showPartial ? [...figures] : figures.filter((f) => !partial.has(f.category));
}

/** "Week of Monday Jan 6 (partial week)" for a cut week. */
export function partialWeekTitle(partial: ReadonlySet<string>) {
  return (weekStart: string) => `${weekTitle(weekStart)}${partial.has(weekStart) ? ' (partial week)' : ''}`;
}
