import type { KmPoint, KmSeries } from './km-series';

/** A curve read on one day: the step in force then (the last drawn point on or before that day). */
export interface KmReading {
  key: KmSeries['key'];
  label: string;
  day: number;
  survival: number;
  lower: number | null;
  upper: number | null;
  /** Episodes at risk at the step's day (the API serves the number at risk per step, not per day). */
  atRisk: number;
  stepDay: number;
}

function stepAt(points: readonly KmPoint[], day: number): KmPoint | null {
  let found: KmPoint | null = null;
  for (const p of points) {
    if (p.days > day) break;
    found = p;
  }
  return found;
}

/** Every curve read on `day`; a curve that ends before that day is not read past its end. */
export function readCurves(series: readonly KmSeries[], day: number): KmReading[] {
  return series.flatMap((s) => {
    const last = s.points[s.points.length - 1];
    const step = last && day <= last.days ? stepAt(s.points, day) : null;
    if (!step) return [];
    return [
      {
        key: s.key,
        label: s.label,
        day,
        survival: step.survival,
        lower: step.lower,
        upper: step.upper,
        atRisk: step.atRisk,
        stepDay: step.days,
      },
    ];
  });
}

/** The days a reader can stop on: every day a drawn point of any curve sits. */
export function readingDays(series: readonly KmSeries[]): number[] {
  return [...new Set(series.flatMap((s) => s.points.map((p) => p.days)))].sort((a, b) => a - b);
}
