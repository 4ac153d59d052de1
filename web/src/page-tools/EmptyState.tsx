import { formatPeriod } from '../charts/format';

/**
 * What every chart shows when its period has no data: one look, one wording, the period named, and
 * what to try next. Never empty axes, which read as a broken chart.
 */
export function EmptyState({ scope, hint }: { scope?: { from: string; to: string } | null; hint?: string }) {
  return (
    <div className="empty-state chart-frame__empty" role="status" data-testid="empty-state">
      <p className="empty-state__title">
        <strong>No data{scope ? ` for ${formatPeriod(scope.from, scope.to)}` : ' to show'}</strong>
      </p>
      <p className="empty-state__hint">
        {hint ?? 'No records match these filters. Widen the period or clear a filter.'}
      </p>
    </div>
  );
}
