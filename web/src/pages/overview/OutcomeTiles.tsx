import type { FigureId } from '@iop/metrics/definitions';
import { isForbidden } from '../../api/api-error';
import { ForbiddenState } from '../../app/ForbiddenState';
import { KpiTile, KpiTiles } from '../../charts/KpiTile';
import { Sparkline } from '../../charts/Sparkline';
import type { useOutcomeKpis } from './useOutcomeKpis';

type OutcomeKpis = ReturnType<typeof useOutcomeKpis>;

const TRENDS: Record<string, { domain: [number, number]; description: string }> = {
  retained90: { domain: [0, 1], description: 'Retention curve, falling from 100%' },
  attendance: { domain: [0, 1], description: 'Weekly attendance rate trend' },
  alliance: { domain: [0, 40], description: 'Weekly mean session score trend' },
};

/** The definition behind each tile's info button. */
const FIGURES: Record<string, FigureId> = {
  retained90: 'retainedAtDays',
  completion: 'completionRate',
  attendance: 'attendanceRate',
  abstinence30: 'abstinence30',
  alliance: 'sessionScore',
};

/** Outcome headline figures with interval, change on the previous period, n and a small trend. */
export function OutcomeTiles({ kpis }: { kpis: OutcomeKpis }) {
  if (kpis.error && isForbidden(kpis.error)) return <ForbiddenState what="these figures" />;
  if (kpis.error)
    return (
      <div role="alert" className="chart-frame__error">
        <p>Could not load the outcome figures: {kpis.error.message}</p>
        <button type="button" onClick={() => void kpis.refetch()}>
          Retry
        </button>
      </div>
    );
  if (kpis.isPending) return <KpiTiles loading />;
  return (
    <KpiTiles>
      {kpis.tiles.map((tile) => {
        const trend = TRENDS[tile.key];
        const values = kpis.trends[tile.key as keyof OutcomeKpis['trends']];
        return (
          <KpiTile
            key={tile.key}
            label={tile.label}
            figure={FIGURES[tile.key]}
            value={tile.value}
            detail={
              <>
                {tile.interval && <span className="kpi-tile__line">{tile.interval}</span>}
                <span className="kpi-tile__line" data-testid="kpi-change">
                  {tile.change}
                </span>
              </>
            }
            n={tile.n}
            trend={
              trend && values ? (
                <Sparkline values={values} domain={trend.domain} description={trend.description} />
              ) : null
            }
          />
        );
      })}
    </KpiTiles>
  );
}
