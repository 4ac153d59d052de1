import type { FigureId } from '@iop/metrics/definitions';
import type { ReactNode } from 'react';
import { FigureInfo } from './FigureInfo';

interface KpiTileProps {
  label: string;
  value: string;
  /** Interval, comparison or definition, in a smaller line. */
  detail?: ReactNode;
  /** The n behind the figure. */
  n?: string;
  /** A small trend line under the figure. */
  trend?: ReactNode;
  /** The definition behind the info button (docs/METRICS.md, via @iop/metrics/definitions). */
  figure?: FigureId;
}

/** One headline figure. A <dl> item pair, so the label is announced with its value. */
export function KpiTile({ label, value, detail, n, trend, figure }: KpiTileProps) {
  return (
    <div className="kpi-tile">
      <dt>
        {label}
        {figure && <FigureInfo figures={figure} />}
      </dt>
      <dd>
        <span className="kpi-tile__value">{value}</span>
        {detail && <span className="kpi-tile__detail">{detail}</span>}
        {n && <span className="kpi-tile__n">{n}</span>}
        {trend}
      </dd>
    </div>
  );
}

/** A row of tiles; while loading, placeholders keep the layout from jumping. */
export function KpiTiles({ children, loading }: { children?: ReactNode; loading?: boolean }) {
  if (loading) return <div className="skeleton skeleton--tiles" role="status" aria-label="Loading the key figures" />;
  return <dl className="kpi-tiles">{children}</dl>;
}
