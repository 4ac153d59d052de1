import { useCallback, useMemo } from 'react';
import { navigate, useRoute } from '../../routing/useRoute';
import { atRiskViewSearch, parseAtRiskView, type AtRiskView } from './at-risk-view';

/**
 * The at-risk page's view, read from and written to the URL (a copied link opens the same page of
 * the same list). List edits replace the history entry; opening a participant pushes one, so that
 * Back returns to the list.
 */
export function useAtRiskView(): [AtRiskView, (change: Partial<AtRiskView>) => void, (view: AtRiskView) => string] {
  const { path, search } = useRoute();
  const view = useMemo(() => parseAtRiskView(search), [search]);
  const hrefOf = useCallback((next: AtRiskView) => path + atRiskViewSearch(search, next), [path, search]);
  const update = useCallback(
    (change: Partial<AtRiskView>) => {
      const next = { ...view, ...change };
      navigate(hrefOf(next), { replace: !('participant' in change) });
    },
    [view, hrefOf],
  );
  return [view, update, hrefOf];
}
