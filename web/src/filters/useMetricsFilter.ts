import { useMemo } from 'react';
import { useDataFreshnessQuery } from '../data/useDataFreshnessQuery';
import type { MetricsFilterVariables } from './group-types';
import { toMetricsFilter } from './metrics-filter';
import { useFilters } from './useFilters';

/**
 * The GraphQL filter of the current view; null until the API's default as-of is known (unless
 * the URL chose one), so that no query runs with a period computed from the wrong date.
 */
export function useMetricsFilter(): MetricsFilterVariables | null {
  const { filters } = useFilters();
  const freshness = useDataFreshnessQuery();
  const defaultAsOf = freshness.data?.defaultAsOf ?? null;
  return useMemo(() => toMetricsFilter(filters, defaultAsOf), [filters, defaultAsOf]);
}
