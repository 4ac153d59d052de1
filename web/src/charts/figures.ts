import type { FigureId } from '@iop/metrics/definitions';
import { GROUP_TYPE_LABELS, type GroupType } from '../filters/group-types';
import type { Column } from './columns';
import { formatCount } from './format';

/**
 * One drawn figure: a bar, or a point of a line. Every chart below draws a list of these, and its
 * table and CSV list exactly the same list, so what is drawn is what is exported.
 */
export interface Figure {
  /** The x position: a week, a measure, a milestone or a group type. */
  category: string;
  /** Which series (colour, dash) it belongs to: a group type, 'total' or a named series. */
  series: string;
  seriesLabel: string;
  value: number | null;
  /** 95% interval, where the API serves one. */
  lower: number | null;
  upper: number | null;
  /** For a proportion: its numerator; null for a mean. */
  numerator: number | null;
  /** The n behind the figure: the proportion's denominator, or the count averaged. */
  n: number;
}

export type SeriesKey = GroupType | 'total';

export function seriesLabel(groupType: GroupType | null | undefined): string {
  return groupType ? GROUP_TYPE_LABELS[groupType] : 'All group types';
}

/** A served proportion (rate with optional interval) as figure fields. */
export function proportionFields(p: {
  rate: number | null;
  numerator: number;
  denominator: number;
  lower?: number | null;
  upper?: number | null;
}): Pick<Figure, 'value' | 'lower' | 'upper' | 'numerator' | 'n'> {
  return { value: p.rate, lower: p.lower ?? null, upper: p.upper ?? null, numerator: p.numerator, n: p.denominator };
}

/** A served mean as figure fields (no interval, n values averaged). */
export function meanFields(
  mean: number | null,
  n: number,
): Pick<Figure, 'value' | 'lower' | 'upper' | 'numerator' | 'n'> {
  return { value: mean, lower: null, upper: null, numerator: null, n };
}

/** The series of a figure list in first-seen order. */
export function seriesOf(figures: readonly Figure[]): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const f of figures) if (!seen.has(f.series)) seen.set(f.series, f.seriesLabel);
  return [...seen].map(([key, label]) => ({ key, label }));
}

export function categoriesOf(figures: readonly Figure[]): string[] {
  return [...new Set(figures.map((f) => f.category))];
}

/** Recharts rows: one per category, a value and an error offset pair per series. */
export type PivotRow = Record<string, string | number | null | [number, number]> & { category: string };

export const errorKey = (series: string) => `${series}_err`;

/**
 * Figures as Recharts wants them. Error offsets are [value − lower, upper − value], the form
 * Recharts' ErrorBar takes; a figure without an interval gets none.
 */
export function pivotFigures(figures: readonly Figure[]): PivotRow[] {
  return categoriesOf(figures).map((category) => {
    const row: PivotRow = { category };
    for (const f of figures.filter((x) => x.category === category)) {
      row[f.series] = f.value;
      if (f.value !== null && f.lower !== null && f.upper !== null)
        row[errorKey(f.series)] = [f.value - f.lower, f.upper - f.value];
    }
    return row;
  });
}

interface FigureColumnOptions {
  categoryLabel: string;
  valueLabel: string;
  format: (value: number | null) => string;
  /** Header of the n column, e.g. 'Participant-weeks'. */
  nLabel: string;
  /** Leave out the numerator column for means. */
  numerator?: boolean;
  /** Leave out the interval columns where the API serves none. */
  interval?: boolean;
  /** The figure of the value column (its header's info button). */
  figure?: FigureId;
}

/** Table and CSV columns of a figure list: the figure, its interval and its n. */
export function figureColumns(options: FigureColumnOptions): Column<Figure>[] {
  const { categoryLabel, valueLabel, format, nLabel, numerator = true, interval = true, figure } = options;
  const asNumber = (v: unknown) => (typeof v === 'number' ? v : null);
  return [
    { label: categoryLabel, value: (f) => f.category },
    { label: 'Series', value: (f) => f.seriesLabel },
    { label: valueLabel, value: (f) => f.value, numeric: true, format: (v) => format(asNumber(v)), figure },
    ...(interval
      ? ([
          { label: '95% lower', value: (f) => f.lower, numeric: true, format: (v) => format(asNumber(v)) },
          { label: '95% upper', value: (f) => f.upper, numeric: true, format: (v) => format(asNumber(v)) },
        ] satisfies Column<Figure>[])
      : []),
    ...(numerator
      ? ([
          { label: 'Numerator', value: (f) => f.numerator, numeric: true, format: (v) => formatCount(asNumber(v)) },
        ] satisfies Column<Figure>[])
      : []),
    { label: nLabel, value: (f) => f.n, numeric: true, format: (v) => formatCount(asNumber(v)) },
  ];
}

/** The largest value or interval end drawn, for fitting an axis. */
export function largestDrawn(figures: readonly Figure[]): number {
  return Math.max(0, ...figures.flatMap((f) => [f.value ?? 0, f.upper ?? 0]));
}
