import { formatCi, formatCount, formatDecimal, formatPercent } from '../../charts/format';
import { noDataFor } from './overview-shape';

/** A headline figure of one period: its value, interval and n. */
export interface PeriodFigure {
  value: number | null;
  lower?: number | null;
  upper?: number | null;
  /** "212 episodes followed 90 days" */
  n: string;
}

export interface KpiModel {
  key: string;
  label: string;
  value: string;
  interval: string | undefined;
  change: string;
  n: string;
}

type Scale = 'percent' | 'score';

function formatValue(value: number | null, scale: Scale): string {
  return scale === 'percent' ? formatPercent(value) : formatDecimal(value, 1);
}

/**
 * The change against the previous period in the figure's own unit: percentage points for a rate
 * ("+3 pts"), points for a score ("+0.4"). Rounded as displayed, so a change too small to show reads ±0.
 */
export function describeFigureChange(current: number | null, previous: number | null, scale: Scale): string {
  if (previous === null) return 'previous period: no figure';
  if (current === null) return `previous period: ${formatValue(previous, scale)}`;
  const difference =
    scale === 'percent' ? Math.round((current - previous) * 100) : Math.round((current - previous) * 10) / 10;
  const sign = difference > 0 ? '+' : difference < 0 ? '−' : '±';
  const size = scale === 'percent' ? `${Math.abs(difference)} pts` : Math.abs(difference).toFixed(1);
  return `${sign}${size} on previous (${formatValue(previous, scale)})`;
}

export function toKpi(
  key: string,
  label: string,
  scale: Scale,
  current: PeriodFigure | undefined,
  previous: PeriodFigure | undefined,
  /** The previous period when it holds no data at all: the change reads "no data for …". */
  noDataIn?: { from: string; to: string } | null,
): KpiModel {
  return {
    key,
    label,
    value: formatValue(current?.value ?? null, scale),
    interval: scale === 'percent' ? formatCi(current?.lower, current?.upper) : undefined,
    change: noDataIn
      ? noDataFor(noDataIn)
      : previous
        ? describeFigureChange(current?.value ?? null, previous.value, scale)
        : 'previous period: loading…',
    n: current?.n ?? '',
  };
}

export const nOf = (count: number | null | undefined, unit: string) => `n = ${formatCount(count)} ${unit}`;
