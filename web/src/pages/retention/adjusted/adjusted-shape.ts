import type { Column } from '../../../charts/columns';
import { formatDecimal, formatPercent } from '../../../charts/format';
import { GROUP_TYPE_LABELS, isGroupType } from '../../../filters/group-types';
import type { AdjustedDropoutQuery, AdjustedEstimateFragment } from '../../../gql/graphql';

export type DropoutModel = NonNullable<AdjustedDropoutQuery['adjustedComparison']['dropout']>;

export const groupTypeLabel = (code: string) => (isGroupType(code) ? GROUP_TYPE_LABELS[code] : code);

/** "p < 0.001", "p = 0.03": the reading precision of a p-value. */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

/** A ratio (hazard or odds) to two decimals. */
export const formatRatio = (value: number | null | undefined) => formatDecimal(value, 2);

/** One row of a forest plot or an estimates table: a ratio with its 95% interval. */
export interface EstimateRow {
  key: string;
  label: string;
  /** The term ("group type", "age band", …). */
  term: string;
  ratio: number | null;
  lower: number | null;
  upper: number | null;
  z: number | null;
  pValue: number | null;
  /** Why there is no estimate, or that this is the reference. */
  note: string | null;
}

function noteOf(e: AdjustedEstimateFragment): string | null {
  if (e.aliased) return 'No estimate: constant in these data';
  if (e.notEstimable) return 'No estimate: no events in this level';
  return null;
}

export function toEstimateRow(e: AdjustedEstimateFragment, label: string): EstimateRow {
  return {
    key: `${e.term}:${e.level}`,
    label,
    term: e.term,
    ratio: e.ratio,
    lower: e.lower,
    upper: e.upper,
    z: e.z,
    pValue: e.pValue,
    note: noteOf(e),
  };
}

/** The reference group type first (ratio 1 by definition), then each group type against it. */
export function toGroupTypeRows(
  estimates: readonly AdjustedEstimateFragment[],
  reference: string | null,
): EstimateRow[] {
  const rows = estimates.map((e) => toEstimateRow(e, groupTypeLabel(e.level)));
  if (reference === null) return rows;
  const referenceRow: EstimateRow = {
    key: `reference:${reference}`,
    label: groupTypeLabel(reference),
    term: 'group type',
    ratio: 1,
    lower: null,
    upper: null,
    z: null,
    pValue: null,
    note: 'Reference',
  };
  return [referenceRow, ...rows];
}

export function toCovariateRows(estimates: readonly AdjustedEstimateFragment[]): EstimateRow[] {
  return estimates.map((e) => toEstimateRow(e, e.level));
}

export function estimateColumns(ratioLabel: string): Column<EstimateRow>[] {
  return [
    { label: 'Term', value: (r) => r.term },
    { label: 'Level', value: (r) => r.label },
    { label: ratioLabel, value: (r) => r.ratio, format: (v) => formatRatio(v as number | null), numeric: true },
    { label: '95% CI lower', value: (r) => r.lower, format: (v) => formatRatio(v as number | null), numeric: true },
    { label: '95% CI upper', value: (r) => r.upper, format: (v) => formatRatio(v as number | null), numeric: true },
    { label: 'z', value: (r) => r.z, format: (v) => formatDecimal(v as number | null, 2), numeric: true },
    { label: 'p', value: (r) => r.pValue, format: (v) => formatP(v as number | null), numeric: true },
    { label: 'Note', value: (r) => r.note },
  ];
}

/** The curves as drawn: one row per group type, kind and dropout day. */
export interface CurveRow {
  groupType: string;
  kind: 'adjusted' | 'unadjusted';
  days: number;
  survival: number;
}

export function toCurveRows(model: DropoutModel): CurveRow[] {
  return model.curves.flatMap((c) => [
    ...c.adjusted.map((p) => ({ groupType: c.groupType, kind: 'adjusted' as const, ...p })),
    ...c.unadjusted.map((p) => ({ groupType: c.groupType, kind: 'unadjusted' as const, ...p })),
  ]);
}

export const CURVE_COLUMNS: Column<CurveRow>[] = [
  { label: 'Group type', value: (r) => r.groupType, format: (v) => groupTypeLabel(String(v)) },
  {
    label: 'Curve',
    value: (r) => r.kind,
    format: (v) => (v === 'adjusted' ? 'Adjusted to case mix' : 'Unadjusted (Kaplan–Meier)'),
  },
  { label: 'Days', value: (r) => r.days, numeric: true },
  { label: 'Not dropped out', value: (r) => r.survival, format: (v) => formatPercent(v as number, 1), numeric: true },
];

export interface TestRow {
  test: string;
  statistic: number;
  df: number;
  pValue: number;
}

/** The proportional-hazards check per term and global, then the model's three tests. */
export function toTestRows(model: DropoutModel): { ph: TestRow[]; model: TestRow[] } {
  return {
    ph: model.proportionalHazards.map((t) => ({ ...t, test: t.term === 'GLOBAL' ? 'All terms (global)' : t.term })),
    model: [
      { test: 'Likelihood ratio', ...model.likelihoodRatio },
      { test: 'Wald', ...model.wald },
      { test: 'Score', ...model.score },
    ],
  };
}

export const TEST_COLUMNS: Column<TestRow>[] = [
  { label: 'Test', value: (r) => r.test },
  { label: 'Chi-square', value: (r) => r.statistic, format: (v) => formatDecimal(v as number, 2), numeric: true },
  { label: 'df', value: (r) => r.df, numeric: true },
  { label: 'p', value: (r) => r.pValue, format: (v) => formatP(v as number), numeric: true },
];

/** One sentence per group type that differs from the reference at p < 0.05, in plain words. */
export function describeHazards(rows: readonly EstimateRow[], reference: string | null): string {
  if (reference === null) return 'Fewer than two group types have modelled episodes: nothing to compare.';
  const against = groupTypeLabel(reference);
  const clear = rows.filter((r) => r.note === null && r.pValue !== null && r.pValue < 0.05 && r.ratio !== null);
  if (clear.length === 0) {
    return `After adjusting for case mix, no group type's dropout rate differs clearly from ${against} (every p ≥ 0.05).`;
  }
  return clear
    .map((r) => {
      const ratio = r.ratio!;
      const direction = ratio > 1 ? `${formatRatio(ratio)} times` : `${formatPercent(1 - ratio)} lower than`;
      return ratio > 1
        ? `${r.label}: episodes dropped out at ${direction} the rate of comparable episodes in ${against} (95% CI ${formatRatio(r.lower)}–${formatRatio(r.upper)}, ${formatP(r.pValue)}).`
        : `${r.label}: a dropout rate ${direction} that of comparable episodes in ${against} (hazard ratio ${formatRatio(ratio)}, 95% CI ${formatRatio(r.lower)}–${formatRatio(r.upper)}, ${formatP(r.pValue)}).`;
    })
    .join(' ');
}

/** One binned point of a term's scaled Schoenfeld residuals, as the trend charts draw it. */
export interface TrendRow {
  term: string;
  transformedTime: number;
  residual: number;
  events: number;
  constantLevel: number | null;
}

export function toTrendRows(model: DropoutModel): TrendRow[] {
  return model.proportionalHazards.flatMap((t) =>
    t.trend.map((p) => ({ term: t.term, constantLevel: t.constantLevel, ...p })),
  );
}

export const TREND_COLUMNS: Column<TrendRow>[] = [
  { label: 'Term', value: (r) => r.term },
  {
    label: 'Share dropped out so far (1 − Kaplan–Meier)',
    value: (r) => r.transformedTime,
    format: (v) => formatPercent(v as number),
    numeric: true,
  },
  {
    label: 'Mean scaled residual',
    value: (r) => r.residual,
    format: (v) => formatDecimal(v as number, 3),
    numeric: true,
  },
  {
    label: 'Constant effect at',
    value: (r) => r.constantLevel,
    format: (v) => formatDecimal(v as number, 3),
    numeric: true,
  },
  { label: 'Dropouts', value: (r) => r.events, numeric: true },
];
