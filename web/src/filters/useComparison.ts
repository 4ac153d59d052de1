import type { ComparisonKind } from '@iop/metrics/comparison-period';
import { useFilters } from './useFilters';

/** Which previous period the view compares with (the filter bar's "Compare with", kept in the URL). */
export function useComparison(): ComparisonKind {
  return useFilters().filters.compare;
}
