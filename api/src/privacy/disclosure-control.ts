/**
 * What a funder may hold (docs/METRICS.md, "Privacy: what a funder may hold"), applied to a
 * release's figures. Pure: the rules, not the queries.
 *
 * Primary and complementary suppression decide which cells are hidden (on the exact counts, so
 * the complements are chosen as for an exact table); what is shown is then coarsened: counts
 * rounded to the nearest 5, rates and survival as whole percentages, means to one decimal. The
 * rounding is what defeats differencing between releases and between a release and its previous
 * period: a difference of rounded counts never pins a small count.
 */
import {
  CohortLink,
  HiddenBecause,
  hideCells,
  isSmall,
  MIN_FUNDER_THRESHOLD,
  ShownFigure,
  RawFigure,
} from './suppression';

/** Counts are rounded to the nearest multiple of this (OpenSAFELY's practice). */
export const COUNT_ROUNDING_BASE = 5;

export type { HiddenBecause } from './suppression';

/** A figure as released: `n` rounded to COUNT_ROUNDING_BASE (null when hidden). */
export interface ProtectedFigure extends ShownFigure {
  /** Why the figure is hidden; null when shown. */
  hiddenBecause: HiddenBecause | null;
}

export interface CurvePoint {
  days: number;
  atRisk: number;
  survival: number;
  lower: number | null;
  upper: number | null;
}

export interface ProtectionRules {
  threshold: number;
  /** Off only in the disclosure audit's own test, to show that the audit can fail. */
  coarsen?: boolean;
  /** Off only in the disclosure audit's own test, likewise. */
  complementary?: boolean;
}

export function roundCount(count: number): number {
  return Math.round(count / COUNT_ROUNDING_BASE) * COUNT_ROUNDING_BASE;
}

export const wholePercent = (p: number | null): number | null => (p === null ? null : Math.round(p * 100) / 100);
const oneDecimal = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);
/** Means to one decimal as read: PDA change is a mean of proportions, read in percentage points. */
const meanAsRead = (f: RawFigure): number | null =>
  f.measure === 'pda_change' ? (f.value === null ? null : Math.round(f.value * 1000) / 1000) : oneDecimal(f.value);

/** Whether a figure must be hidden on its own account. */
export function isPrimarySmall(figure: RawFigure, threshold: number): boolean {
  switch (figure.unit) {
    case 'count':
      return isSmall(figure.value ?? 0, threshold);
    case 'proportion':
      // The complement of the numerator is a count of people too (those not retained, say).
      return (
        isSmall(figure.numerator, threshold) ||
        isSmall(figure.n, threshold) ||
        isSmall(figure.n - (figure.numerator ?? 0), threshold)
      );
    case 'survival':
      return figure.n < threshold && figure.value !== null;
    default:
      return isSmall(figure.n, threshold);
  }
}

/**
 * Protects a release's figures: every breakdown is the figures sharing section, measure and period,
 * its total the figure with no group type.
 */
export function protectFigures(
  figures: readonly RawFigure[],
  rules: ProtectionRules,
  cohort?: CohortLink,
): ProtectedFigure[] {
  const { threshold } = rules;
  if (threshold < MIN_FUNDER_THRESHOLD)
    throw new RangeError(`The suppression threshold is never below ${MIN_FUNDER_THRESHOLD}`);
  const because = hideCells(figures, (f) => isPrimarySmall(f, threshold), cohort, rules.complementary !== false);
  return figures.map((f, i) => show(f, because[i], rules.coarsen !== false));
}

/** A curve as a funder may hold it: points with enough at risk, whole percentages, rounded at risk. */
export function protectCurve(points: readonly CurvePoint[], rules: ProtectionRules): CurvePoint[] {
  const coarsen = rules.coarsen !== false;
  return points
    .filter((p) => p.atRisk >= rules.threshold)
    .map((p) =>
      coarsen
        ? {
            days: p.days,
            atRisk: roundCount(p.atRisk),
            survival: wholePercent(p.survival)!,
            lower: wholePercent(p.lower),
            upper: wholePercent(p.upper),
          }
        : { ...p },
    );
}

function show(figure: RawFigure, hiddenBecause: HiddenBecause | null, coarsen: boolean): ProtectedFigure {
  const { section, measure, unit, groupType, period } = figure;
  const base = { section, measure, unit, groupType, period };
  if (hiddenBecause)
    return { ...base, value: null, lower: null, upper: null, n: null, suppressed: true, hiddenBecause };
  if (!coarsen)
    return {
      ...base,
      value: figure.value,
      lower: figure.lower,
      upper: figure.upper,
      n: figure.n,
      suppressed: false,
      hiddenBecause,
    };
  const n = roundCount(figure.n);
  switch (unit) {
    case 'count':
      return {
        ...base,
        value: roundCount(figure.value ?? 0),
        lower: null,
        upper: null,
        n,
        suppressed: false,
        hiddenBecause,
      };
    case 'proportion':
    case 'survival':
      return {
        ...base,
        value: wholePercent(figure.value),
        lower: wholePercent(figure.lower),
        upper: wholePercent(figure.upper),
        n,
        suppressed: false,
        hiddenBecause,
      };
    case 'mean':
      return { ...base, value: meanAsRead(figure), lower: null, upper: null, n, suppressed: false, hiddenBecause };
    default:
      return { ...base, value: figure.value, lower: null, upper: null, n, suppressed: false, hiddenBecause };
  }
}
