import { abstinentAtLabel, FIGURE_DEFINITIONS, retainedAtLabel } from '@iop/metrics/definitions';
import type { Figure } from '../../charts/figures';
import type { CohortTrendsQuery } from '../../gql/graphql';

type CohortMonth = CohortTrendsQuery['cohortTrends']['months'][number];

/** The measures of the trend chart (docs/METRICS.md, "Cohort trends"), and how each is read. */
export const COHORT_MEASURES = {
  retained30: { label: retainedAtLabel(30), scale: 'percent', n: 'followed 30 days' },
  retained60: { label: retainedAtLabel(60), scale: 'percent', n: 'followed 60 days' },
  retained90: { label: retainedAtLabel(90), scale: 'percent', n: 'followed 90 days' },
  completion: { label: FIGURE_DEFINITIONS.completionRate.name, scale: 'percent', n: 'discharged' },
  abstinence30: { label: abstinentAtLabel(30), scale: 'percent', n: 'eligible' },
  abstinence90: { label: abstinentAtLabel(90), scale: 'percent', n: 'eligible' },
  alliance: { label: FIGURE_DEFINITIONS.sessionScore.name, scale: 'score', n: 'ratings' },
} as const;
export type CohortMeasure = keyof typeof COHORT_MEASURES;

/** "2025-01" → "Jan 2025". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-US', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function figureOf(
  month: CohortMonth,
  measure: CohortMeasure,
): Pick<Figure, 'value' | 'lower' | 'upper' | 'numerator' | 'n'> {
  const retained = (days: number) => {
    const r = month.retainedAt.find((x) => x.days === days);
    return {
      value: r?.survival ?? null,
      lower: r?.lower ?? null,
      upper: r?.upper ?? null,
      numerator: null,
      n: r?.atRisk ?? 0,
    };
  };
  const abstinent = (days: number) => {
    const r = month.abstinence.find((x) => x.days === days)?.intentToTreatRate;
    return r
      ? { value: r.rate, lower: r.lower, upper: r.upper, numerator: r.numerator, n: r.denominator }
      : { value: null, lower: null, upper: null, numerator: null, n: 0 };
  };
  switch (measure) {
    case 'retained30':
      return retained(30);
    case 'retained60':
      return retained(60);
    case 'retained90':
      return retained(90);
    case 'completion': {
      const c = month.completion;
      return { value: c.rate, lower: c.lower, upper: c.upper, numerator: c.numerator, n: c.denominator };
    }
    case 'abstinence30':
      return abstinent(30);
    case 'abstinence90':
      return abstinent(90);
    case 'alliance':
      return {
        value: month.alliance.mean,
        lower: month.alliance.lower,
        upper: month.alliance.upper,
        numerator: null,
        n: month.alliance.n,
      };
  }
}

/** One point per month of the chosen measure; a month with no one in it is a gap (value null). */
export function toCohortFigures(months: readonly CohortMonth[], measure: CohortMeasure): Figure[] {
  return months.map((m) => ({
    category: m.month,
    series: 'total',
    seriesLabel: COHORT_MEASURES[measure].label,
    ...figureOf(m, measure),
  }));
}
