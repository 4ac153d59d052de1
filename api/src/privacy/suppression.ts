/**
 * Small-cell suppression (docs/METRICS.md, "Privacy"), applied to every figure a funder sees and
 * to every funder export. Pure: the rules, not the queries.
 *
 * - a count from 1 to threshold − 1 is suppressed (zero is shown);
 * - a rate or mean whose numerator or denominator is from 1 to threshold − 1 is suppressed;
 * - a survival estimate with fewer than `threshold` at risk is suppressed (curve points dropped);
 * - where a breakdown with a shown total has exactly one suppressed cell, the next smallest cell
 *   is suppressed too (or, with none left, the total), so no hidden cell is recovered by subtraction.
 */

export const MIN_FUNDER_THRESHOLD = 11;

export type FigureUnit = 'count' | 'proportion' | 'mean' | 'days' | 'survival';

/** A figure before suppression: its value and every count a reader could learn it from. */
export interface RawFigure {
  section: string;
  measure: string;
  unit: FigureUnit;
  /** null: all group types (the breakdown's total) */
  groupType: string | null;
  period: 'current' | 'previous';
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** The count behind the figure: the count itself, a denominator, the values averaged, or at risk. */
  n: number;
  /** For proportions: the count in the numerator. */
  numerator?: number;
}

export interface ShownFigure extends Omit<RawFigure, 'n' | 'numerator'> {
  n: number | null;
  suppressed: boolean;
}

/** A count from 1 to threshold − 1: zero is shown, larger counts are safe. */
export const isSmall = (count: number | undefined, threshold: number) =>
  count !== undefined && count >= 1 && count < threshold;

/** Whether a figure must be hidden on its own account. */
export function needsPrimarySuppression(figure: RawFigure, threshold: number): boolean {
  switch (figure.unit) {
    case 'count':
      return isSmall(figure.value ?? 0, threshold);
    case 'proportion':
      return isSmall(figure.numerator, threshold) || isSmall(figure.n, threshold);
    case 'survival':
      return figure.n < threshold && figure.value !== null;
    default:
      return isSmall(figure.n, threshold);
  }
}

/**
 * A cohort measure (say, episodes by group type) whose hidden cells hide every figure about the
 * same people: otherwise another measure's n (discharged, at risk, eligible) would reveal the
 * size that the cohort breakdown hides.
 */
export interface CohortLink {
  measure: string;
  sections: readonly string[];
}

/** Why a figure is hidden: on its own account, to protect another cell, or with its hidden cohort. */
export type HiddenBecause = 'small' | 'complement' | 'cohort';

/** Suppresses a list of figures; breakdowns are the figures sharing section, measure and period. */
export function suppressFigures(figures: readonly RawFigure[], threshold: number, cohort?: CohortLink): ShownFigure[] {
  if (threshold < MIN_FUNDER_THRESHOLD)
    throw new RangeError(`The suppression threshold is never below ${MIN_FUNDER_THRESHOLD}`);
  const because = hideCells(figures, (f) => needsPrimarySuppression(f, threshold), cohort);
  return figures.map((f, i) => show(f, because[i] !== null));
}

/**
 * Which figures are hidden and why: those `hiddenAlone` picks, then complements in every breakdown
 * and the figures of hidden cohorts, until nothing changes (it always ends: each round only hides).
 */
export function hideCells(
  figures: readonly RawFigure[],
  hiddenAlone: (figure: RawFigure) => boolean,
  cohort?: CohortLink,
  complementary = true,
): (HiddenBecause | null)[] {
  const because: (HiddenBecause | null)[] = figures.map((f) => (hiddenAlone(f) ? 'small' : null));
  if (!complementary) return because;
  const groups = [...breakdowns(figures).values()];
  const hiddenCount = () => because.filter((b) => b !== null).length;
  for (let before = -1; before !== hiddenCount();) {
    before = hiddenCount();
    for (const indexes of groups) complement(figures, indexes, because);
    if (cohort) hideLinkedToCohort(figures, because, cohort);
  }
  return because;
}

function hideLinkedToCohort(figures: readonly RawFigure[], because: (HiddenBecause | null)[], cohort: CohortLink) {
  const key = (f: RawFigure) => `${f.period}\u0000${f.groupType}`;
  const hiddenCohorts = new Set(
    figures.filter((f, i) => because[i] && f.measure === cohort.measure && f.groupType !== null).map(key),
  );
  figures.forEach((f, i) => {
    if (!because[i] && cohort.sections.includes(f.section) && hiddenCohorts.has(key(f))) because[i] = 'cohort';
  });
}

function breakdowns(figures: readonly RawFigure[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  figures.forEach((f, i) => {
    const key = `${f.section}\u0000${f.measure}\u0000${f.period}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return groups;
}

/** Additive figures: a hidden cell of these could be recovered from the total by subtraction. */
const ADDITIVE: ReadonlySet<FigureUnit> = new Set(['count', 'proportion', 'mean']);

/**
 * The complementary rule for one breakdown, changing `because` in place. Beyond the letter of the
 * rule (one hidden cell → hide the next smallest), it keeps hiding while the hidden cells could
 * still be pinned down: readers know a hidden cell is at least 1 (zeros are shown), so hidden
 * cells summing to their own number are all 1; and hidden proportions whose numerators sum to 0
 * (or to their denominators) are all 0% (or 100%). With no cell left to hide, the total goes.
 */
function complement(figures: readonly RawFigure[], indexes: number[], because: (HiddenBecause | null)[]): void {
  const total = indexes.find((i) => figures[i].groupType === null);
  if (total === undefined || !ADDITIVE.has(figures[total].unit)) return;
  const cells = indexes.filter((i) => i !== total);
  const size = (i: number) => (figures[i].unit === 'count' ? (figures[i].value ?? 0) : figures[i].n);
  for (;;) {
    if (because[total]) return; // nothing left to subtract from
    const hiddenCells = cells.filter((i) => because[i]);
    if (hiddenCells.length === 0 || cannotBeRecovered(figures, hiddenCells, size)) return;
    const next = cells.filter((i) => !because[i] && size(i) > 0).sort((a, b) => size(a) - size(b) || a - b)[0];
    because[next ?? total] = 'complement';
  }
}

function cannotBeRecovered(figures: readonly RawFigure[], hiddenCells: number[], size: (i: number) => number): boolean {
  if (hiddenCells.length < 2) return false;
  const sum = (of: (i: number) => number) => hiddenCells.reduce((s, i) => s + of(i), 0);
  if (sum(size) < hiddenCells.length + 1) return false;
  if (figures[hiddenCells[0]].unit !== 'proportion') return true;
  const numerators = sum((i) => figures[i].numerator ?? 0);
  return numerators > 0 && numerators < sum((i) => figures[i].n);
}

function show(figure: RawFigure, suppressed: boolean): ShownFigure {
  const { numerator: _numerator, ...rest } = figure;
  if (!suppressed) return { ...rest, suppressed: false };
  return { ...rest, value: null, lower: null, upper: null, n: null, suppressed: true };
}
