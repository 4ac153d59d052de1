import { useCallback, useMemo } from 'react';
import { navigate, useRoute } from '../routing/useRoute';
import { parseFilters, serializeFilters, type FilterState } from './filter-state';

/** The filters of the current URL, and a setter that writes them back to the URL. */
export function useFilters(): { filters: FilterState; setFilters: (next: FilterState) => void } {
  const { search } = useRoute();
  const filters = useMemo(() => parseFilters(search), [search]);
  const setFilters = useCallback((next: FilterState) => {
    // Replace, not push: Back leaves the page rather than undoing one checkbox at a time.
    navigate(window.location.pathname + serializeFilters(next, window.location.search), { replace: true });
  }, []);
  return { filters, setFilters };
}
