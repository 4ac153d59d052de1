import type { OutcomeFigure, OutcomeSurvivalCurve } from '../../outcome-report/outcome-report.model';

export interface KmPoint {
  days: number;
  survival: number;
}

export interface KmSeries {
  /** A group type, or null for all group types. */
  groupType: string | null;
  points: KmPoint[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface KmChartLayout {
  xTicks: { label: string; x: number }[];
  yTicks: { label: string; y: number }[];
  /** One polyline per drawn series, in page coordinates (y grows downwards). */
  paths: { groupType: string | null; vertices: [number, number][] }[];
  /** Group types with a curve in the report but nothing that may be drawn. */
  notDrawn: (string | null)[];
}

const MILESTONES = [30, 60, 90] as const;
const TICK_EVERY_DAYS = 30;

/**
 * The curves as the report may show them, nothing more: each starts at day 0 with everyone
 * retained, steps at each served point (already limited to at least the threshold at risk), and
 * runs on flat to the last shown milestone (S(30/60/90) with at least the threshold still at risk,
 * so no point before it was dropped). A group type whose episode count is hidden is not drawn at
 * all: the step sizes of its curve (1/n) would give that count away. Group types without episodes
 * are left out.
 */
export function kmSeries(curves: readonly OutcomeSurvivalCurve[], figures: readonly OutcomeFigure[]): KmSeries[] {
  const current = (measure: string, groupType: string | null) =>
    figures.find((x) => x.measure === measure && x.groupType === groupType && x.period === 'current');
  return curves.flatMap((curve) => {
    const episodes = current('episodes', curve.groupType);
    if (episodes && !episodes.suppressed && episodes.value === 0) return [];
    const hidden = { groupType: curve.groupType, points: [] };
    if (!episodes || episodes.suppressed) return [hidden];
    const served = curve.points.map((p) => ({ days: p.days, survival: p.survival }));
    const lastServed = served[served.length - 1]?.days ?? 0;
    const followedTo = MILESTONES.filter((days) => {
      const f = current(`retained_${days}d`, curve.groupType);
      return f !== undefined && !f.suppressed && f.value !== null && days > lastServed;
    }).pop();
    if (!served.length && followedTo === undefined) return [hidden];
    const points = served[0]?.days === 0 ? served : [{ days: 0, survival: 1 }, ...served];
    if (followedTo !== undefined) points.push({ days: followedTo, survival: points[points.length - 1].survival });
    return [{ groupType: curve.groupType, points }];
  });
}

/** Month-like ticks (0, 30, 60, …) to at least 90 days, past the last drawn day. */
export function dayTicks(lastDay: number): number[] {
  const end = Math.max(TICK_EVERY_DAYS * 3, Math.ceil(lastDay / TICK_EVERY_DAYS) * TICK_EVERY_DAYS);
  return Array.from({ length: end / TICK_EVERY_DAYS + 1 }, (_, i) => i * TICK_EVERY_DAYS);
}

/** Step-curve vertices: across to the next day at the old level, then down to the new one. */
export function stepVertices(points: readonly KmPoint[]): KmPoint[] {
  const out: KmPoint[] = [];
  points.forEach((p, i) => {
    if (i > 0 && p.survival !== points[i - 1].survival) out.push({ days: p.days, survival: points[i - 1].survival });
    out.push(p);
  });
  return out;
}

/** Where everything of the chart goes inside the plot box (the axes' own area, labels outside). */
export function kmChartLayout(series: readonly KmSeries[], plot: Box): KmChartLayout {
  const drawn = series.filter((s) => s.points.length > 0);
  const ticks = dayTicks(Math.max(0, ...drawn.flatMap((s) => s.points.map((p) => p.days))));
  const maxDay = ticks[ticks.length - 1];
  const x = (days: number) => plot.x + (days / maxDay) * plot.width;
  const y = (survival: number) => plot.y + (1 - survival) * plot.height;
  return {
    xTicks: ticks.map((d) => ({ label: String(d), x: x(d) })),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((s) => ({ label: `${s * 100}%`, y: y(s) })),
    paths: drawn.map((s) => ({
      groupType: s.groupType,
      vertices: stepVertices(s.points).map((p): [number, number] => [x(p.days), y(p.survival)]),
    })),
    notDrawn: series.filter((s) => s.points.length === 0).map((s) => s.groupType),
  };
}
