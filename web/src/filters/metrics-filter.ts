import { addDays, quarterStart } from './dates';
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
 * The filter of the period of the same length just before this one (same as-of, sites and group
 * types), for "change on the previous period".
 */
export function previousPeriodFilter(filter: MetricsFilterVariables): MetricsFilterVariables {
  const days = Math.round((Date.parse(filter.to) - Date.parse(filter.from)) / 86_400_000) + 1;
  return { ...filter, from: addDays(filter.from, -days), to: addDays(filter.from, -1) };
}
