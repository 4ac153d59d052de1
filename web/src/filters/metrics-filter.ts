import { comparisonWindow, type ComparisonKind } from '@iop/metrics/comparison-period';
import { addDays, monthStart, quarterStart } from './dates';
import type { FilterState } from './filter-state';
import type { MetricsFilterVariables } from './group-types';

export interface Period {
  from: string;
  to: string;
}

/** The dates a preset stands for, counted back from as_of (inclusive at both ends). */
export function resolvePeriod(state: FilterState, asOf: string): Period {
  switch (state.period) {
    case 'last30':
      return { from: addDays(asOf, -29), to: asOf };
    case 'last90':
      return { from: addDays(asOf, -89), to: asOf };
    case 'quarter':
      return { from: quarterStart(asOf), to: asOf };
    case 'year':
      return { from: addDays(asOf, -364), to: asOf };
    // The last whole calendar month, quarter or year that ended on or before as_of.
    case 'lastMonth':
      return lastWhole(asOf, 1);
    case 'lastQuarter':
      return lastWhole(asOf, 3);
    case 'lastYear':
      return lastWhole(asOf, 12);
    case 'custom':
      return { from: state.from ?? asOf, to: state.to ?? asOf };
  }
}

/**
 * The GraphQL filter for the current view. Every field is explicit (no server-side default) so
 * that the query key, the figures and a CSV name the same scope. null while as_of is unknown.
 */
export function toMetricsFilter(state: FilterState, defaultAsOf: string | null): MetricsFilterVariables | null {
  const asOf = state.asOf ?? defaultAsOf;
  if (!asOf) return null;
  const { from, to } = resolvePeriod(state, asOf);
  return {
    from,
    to,
    asOf,
    siteIds: state.siteIds.length ? [...state.siteIds].sort() : null,
    groupTypes: state.groupTypes.length ? [...state.groupTypes] : null,
  };
}

/**
 * The filter of the previous period chosen by `kind` (same as-of, sites and group types), for
 * "change on the previous period": the same window the API's overview compares with.
 */
export function previousPeriodFilter(
  filter: MetricsFilterVariables,
  kind: ComparisonKind = 'sameLength',
): MetricsFilterVariables {
  const { from, to } = comparisonWindow(filter.from, filter.to, kind);
  return { ...filter, from, to };
}

/** The last whole period of `months` calendar months (1, 3 or 12, aligned) ending on or before as_of. */
function lastWhole(asOf: string, months: 1 | 3 | 12): Period {
  const [year, month] = asOf.split('-').map(Number);
  // The first month (0-based, counted from year 0) of the period that contains as_of.
  const current = Math.floor((year * 12 + month - 1) / months) * months;
  const endsToday = addDays(asOf, 1).slice(8) === '01' && (year * 12 + month) % months === 0;
  const first = endsToday ? current : current - months;
  const from = monthStart(Math.floor(first / 12), first % 12);
  const next = first + months;
  return { from, to: addDays(monthStart(Math.floor(next / 12), next % 12), -1) };
}
