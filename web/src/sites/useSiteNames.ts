import { useCallback } from 'react';
import { useSitesQuery } from '../filters/useSitesQuery';

/**
 * "North, South" for a list of site ids: sites are shown by name everywhere. An id the reader's
 * site list does not hold (or while it loads) is shown as the id; null or empty = all sites.
 */
export function useSiteNames(): (siteIds: readonly string[] | null | undefined) => string {
  const { data } = useSitesQuery();
  return useCallback(
    (siteIds) => {
      if (!siteIds?.length) return 'All sites';
      const names = new Map((data ?? []).map((s) => [s.id, s.name]));
      return siteIds.map((id) => names.get(id) ?? id).join(', ');
    },
    [data],
  );
}
