/**
 * Cox proportional-hazards model with Efron's ties, as R's
 * `coxph(Surv(time, event) ~ terms, ties = "efron")` (survival ≥ 3, default coxph.control).
 *
 * Fitted on covariate patterns with counts (see cox-risk-sets.ts), not one row per episode: the SQL
 * aggregates episodes into (pattern, time, event) cells, so the work grows with the number of
 * distinct cells, not with the number of episodes.
 *
 * Newton–Raphson as R's coxfit6.c: start at β = 0, stop when |1 − loglik_old / loglik| ≤ 1e-9,
 * halve the step when the likelihood falls, at most 20 iterations. Following R's iterations (not
 * just "some" optimizer) is what makes the coefficients agree with R to ~1e-12.
 */
import { aliasedColumnsOfTable } from './aliased-columns';
import { concordanceOfColumns } from './concordance';
import {
  emptyPatternTable,
  patternTable,
  riskSetPass,
  setCentering,
  timeDescendingOrder,
  type CoxPattern,
  type PatternTable,
} from './cox-risk-sets';
import { dot, invertSymmetric, solveSymmetric, type Matrix } from './matrix';
import { flattenTerms, type Coefficient, type ModelTerm } from './model-terms';
import { chiSquareTest, type ChiSquareTest } from './normal';
import { waldCoefficients } from './wald-coefficients';

export interface CoxInput {
  terms: readonly ModelTerm[];
  /** x has one value per column of `terms`, in order: a list, or a table (what the service builds, no object per pattern). */
  patterns: readonly CoxPattern[] | PatternTable;
}

export interface CoxCoefficient extends Coefficient {
  /**
   * R's "Loglik converged before variable j; coefficient may be infinite": the likelihood keeps
   * rising as this coefficient runs off to ±∞ (typically a factor level with no events). Its
   * estimate and interval are meaningless; present it as "not estimable".
   */
  mayBeInfinite: boolean;
}

export interface CoxFit {
  coefficients: CoxCoefficient[];
  n: number;
  events: number;
  /** Log partial likelihood at β = 0 and at the estimate. */
  logLikelihood: [number, number];
  likelihoodRatio: ChiSquareTest;
  wald: ChiSquareTest;
  score: ChiSquareTest;
  /** Harrell's C of the linear predictor, as survival::concordance(fit). */
  concordance: number | null;
  iterations: number;
  converged: boolean;
  /** Plain-words notes on aliased or possibly infinite coefficients. */
  notes: string[];
  /** The kept (non-aliased) columns, for cox.zph and the adjusted curves. */
  model: FittedCoxModel;
}

/** What later computations need: the reduced, centered design and the estimate. */
export interface FittedCoxModel {
  terms: readonly ModelTerm[];
  /** Indices (into the flattened columns) of the columns kept in the fit. */
  keptColumns: number[];
  /** Term index of each kept column. */
  termOfKept: number[];
  /** Weighted means of the kept columns; patterns below are centered by them. */
  means: number[];
  /** Centered patterns, kept columns only, latest time first. */
  sorted: PatternTable;
  beta: number[];
  variance: Matrix;
}

const EPS = 1e-9; // coxph.control()$eps
const MAX_ITERATIONS = 20; // coxph.control()$iter.max
const TOLER_INF = Math.sqrt(EPS); // coxph.control()$toler.inf

export function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`pattern count must be a whole number ≥ 0, got ${count}`);
}

export function fitCox(input: CoxInput): CoxFit | null {
  const { columns, termOfColumn } = flattenTerms(input.terms);
  const width = columns.length;
  const given = 'rows' in input.patterns ? input.patterns : patternTable(input.patterns, width);
  if (given.width !== width) throw new RangeError(`pattern has ${given.width} values for ${width} columns`);
  let n = 0;
  let events = 0;
  let used = 0;
  for (let i = 0; i < given.rows; i++) {
    checkCount(given.count[i]);
    if (!Number.isFinite(given.time[i])) throw new RangeError(`pattern time must be finite, got ${given.time[i]}`);
    if (given.count[i] === 0) continue;
    used++;
    n += given.count[i];
    if (given.event[i] === 1) events += given.count[i];
  }
  if (n === 0 || events === 0) return null;

  // Aliasing depends on the covariates only (see aliasedColumnsOfTable: one pass over the patterns).
  const aliased = aliasedColumnsOfTable(given.x, given.rows, given.count, true, width);
  const keptColumns = columns.flatMap((_, j) => (aliased[j] ? [] : [j]));
  const p = keptColumns.length;
  const sums = new Float64Array(p);
  for (let i = 0; i < given.rows; i++) {
    const count = given.count[i];
    if (count === 0) continue;
    for (let k = 0; k < p; k++) sums[k] += count * given.x[i * width + keptColumns[k]];
  }
  const means = Array.from(sums, (sum) => sum / n);
  // Centering changes neither β nor the partial likelihood; it keeps exp(x·β) in range. Patterns
  // with no episodes are dropped here.
  const raw = emptyPatternTable(used, p);
  const sorted = emptyPatternTable(used, p);
  let r = 0;
  for (const i of timeDescendingOrder(given.time)) {
    if (given.count[i] === 0) continue;
    raw.time[r] = sorted.time[r] = given.time[i];
    raw.event[r] = sorted.event[r] = given.event[i];
    raw.count[r] = sorted.count[r] = given.count[i];
    for (let k = 0; k < p; k++) {
      const value = given.x[i * width + keptColumns[k]];
      raw.x[r * p + k] = value;
      sorted.x[r * p + k] = value - means[k];
    }
    r++;
  }
  setCentering(sorted, Float64Array.from(means), raw);

  const zero = new Array<number>(p).fill(0);
  const initial = riskSetPass(sorted, zero);
  const notes: string[] = [];
  for (const [j, column] of columns.entries()) {
    if (aliased[j])
      notes.push(
        `${column} is constant or a combination of other columns in these data, so it has no estimate (R: NA).`,
      );
  }

  let beta = zero;
  let newBeta = zero;
  let pass = initial;
  let scoreStatistic = 0;
  let converged = p === 0;
  let iterations = 0;
  if (p > 0) {
    const step = solveSymmetric(initial.information, initial.score);
    scoreStatistic = dot(initial.score, step);
    let oldLogLikelihood = initial.logLikelihood;
    newBeta = beta.map((b, j) => b + step[j]);
    let halving = false;
    for (iterations = 1; iterations <= MAX_ITERATIONS; iterations++) {
      pass = riskSetPass(sorted, newBeta);
      if (Math.abs(1 - oldLogLikelihood / pass.logLikelihood) <= EPS && !halving) {
        beta = newBeta;
        converged = true;
        break;
      }
      if (iterations === MAX_ITERATIONS) break;
      if (pass.logLikelihood < oldLogLikelihood) {
        halving = true;
        newBeta = newBeta.map((b, j) => (b + beta[j]) / 2);
      } else {
        halving = false;
        oldLogLikelihood = pass.logLikelihood;
        beta = newBeta;
        const next = solveSymmetric(pass.information, pass.score);
        newBeta = beta.map((b, j) => b + next[j]);
      }
    }
    if (!converged) {
      // R keeps the last improving β; its likelihood and information are at that β.
      pass = riskSetPass(sorted, beta);
      notes.push(`The Cox model did not converge in ${MAX_ITERATIONS} iterations; its estimates are not reliable.`);
    }
  }

  const variance = p > 0 ? invertSymmetric(pass.information) : [];
  // R's check for coefficients running off to infinity (coxph.fit, after the iterations).
  const drift = variance.map((row) => Math.abs(dot(pass.score, row)));
  const mayBeInfinite = drift.map((d, k) => converged && d > EPS && d > TOLER_INF * Math.abs(beta[k]));

  const termNames = termOfColumn.map((t) => input.terms[t].name);
  const base = waldCoefficients(
    columns,
    termNames,
    aliased,
    beta,
    variance.map((row, k) => row[k]),
  );
  let kept = 0;
  const coefficients: CoxCoefficient[] = base.map((coefficient) => {
    if (coefficient.aliased) return { ...coefficient, mayBeInfinite: false };
    const infinite = mayBeInfinite[kept++];
    if (infinite) {
      notes.push(
        `${coefficient.column}: the model cannot estimate this hazard ratio (it runs off to ${coefficient.estimate! < 0 ? 'zero' : 'infinity'}, e.g. no dropouts in that level).`,
      );
    }
    return { ...coefficient, mayBeInfinite: infinite };
  });

  const df = p;
  const wald = p > 0 ? dot(beta, solveSymmetric(variance, beta)) : 0;
  const fit: FittedCoxModel = {
    terms: input.terms,
    keptColumns,
    termOfKept: keptColumns.map((j) => termOfColumn[j]),
    means,
    sorted,
    beta,
    variance,
  };
  return {
    coefficients,
    n,
    events,
    logLikelihood: [initial.logLikelihood, pass.logLikelihood],
    likelihoodRatio: chiSquareTest(2 * (pass.logLikelihood - initial.logLikelihood), Math.max(df, 1)),
    wald: chiSquareTest(wald, Math.max(df, 1)),
    score: chiSquareTest(scoreStatistic, Math.max(df, 1)),
    concordance: concordanceOfColumns(sorted.time, sorted.event, sorted.count, linearPredictors(sorted, beta))
      .concordance,
    iterations,
    converged,
    notes,
    model: fit,
  };
}

/** x·β of each (centered) pattern. */
function linearPredictors(table: PatternTable, beta: readonly number[]): Float64Array {
  const { rows, width, x } = table;
  const scores = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let score = 0;
    for (let k = 0; k < width; k++) score += x[i * width + k] * beta[k];
    scores[i] = score;
  }
  return scores;
}
