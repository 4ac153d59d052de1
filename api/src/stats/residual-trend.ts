/**
 * A readable summary of cox.zph's scaled Schoenfeld residuals for a dashboard: the events split
 * into bins of about equal size along the Kaplan–Meier transform of time, each with the mean
 * residual. A flat trend (at β, or at 1 for a factor term) means proportional hazards; a slope
 * means the term's effect changes over follow-up. Thousands of single residuals say no more than
 * this and do not belong in a response.
 */
import type { ScaledResidualPoint } from './cox-zph';

export interface ResidualTrendPoint {
  /** Count-weighted mean of 1 − S(t−) over the bin's events. */
  transformedTime: number;
  /** Count-weighted mean of the term's scaled residual (β + residual). */
  residual: number;
  events: number;
}

export function residualTrend(points: readonly ScaledResidualPoint[], term: number, bins = 10): ResidualTrendPoint[] {
  const sorted = [...points].sort((a, b) => a.transformedTime - b.transformedTime);
  const total = sorted.reduce((sum, p) => sum + p.count, 0);
  if (total === 0) return [];
  const perBin = total / Math.min(bins, total);
  const trend: ResidualTrendPoint[] = [];
  let events = 0;
  let timeSum = 0;
  let residualSum = 0;
  let seen = 0;
  sorted.forEach((point, i) => {
    events += point.count;
    timeSum += point.count * point.transformedTime;
    residualSum += point.count * point.values[term];
    seen += point.count;
    // Close a bin once it holds its share, never between events of one time: the order of tied
    // events is arbitrary (it is the SQL's), and the bins must not depend on it.
    const timeEnds = i === sorted.length - 1 || sorted[i + 1].transformedTime !== point.transformedTime;
    if (timeEnds && (seen >= perBin * (trend.length + 1) - 1e-9 || seen === total)) {
      trend.push({ transformedTime: timeSum / events, residual: residualSum / events, events });
      events = 0;
      timeSum = 0;
      residualSum = 0;
    }
  });
  return trend;
}
