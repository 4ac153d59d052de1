/**
 * Logistic regression by iteratively reweighted least squares, as R's
 * `glm(y ~ terms, family = binomial)` (glm.fit with glm.control(): epsilon 1e-8, at most 25
 * iterations, R's starting values).
 *
 * Fitted on covariate patterns with counts (k successes of n), not one row per episode, which is
 * what the SQL hands over. R on the unaggregated data starts each row at μ = (y + ½) / 2, i.e. 3/4 or
 * 1/4; the first step here is that same step, summed over the pattern's rows, so the iterations (and
 * R's covariance, which comes from the last iteration's weights, not the converged ones) are R's on
 * one row per episode, not R's on aggregated binomial data (which differ in the 6th digit).
 *
 * When the data are separated (a term predicts the outcome perfectly, e.g. every episode of one
 * group type completed) the maximum-likelihood estimate does not exist: R returns huge numbers with
 * a warning; this returns a message instead of numbers.
 */
import { aliasedColumnsOfRows } from './aliased-columns';
import { invertSymmetric, solveSymmetric } from './matrix';
import { flattenTerms, type Coefficient, type ModelTerm } from './model-terms';
import { waldCoefficients } from './wald-coefficients';

export interface BinomialPattern {
  /** Episodes with the outcome (e.g. completed). */
  successes: number;
  /** Episodes in the pattern. */
  trials: number;
  /** Covariate values, one per column of the terms (no intercept: it is added). */
  x: readonly number[];
}

export interface LogisticInput {
  terms: readonly ModelTerm[];
  patterns: readonly BinomialPattern[];
}

export interface LogisticFit {
  fitted: true;
  /** The intercept first, as R prints it, then each column. */
  coefficients: Coefficient[];
  n: number;
  successes: number;
  deviance: number;
  nullDeviance: number;
  iterations: number;
  notes: string[];
}

export interface LogisticRefusal {
  fitted: false;
  n: number;
  successes: number;
  /** Why no estimates are given, in plain words. */
  message: string;
}

export type LogisticResult = LogisticFit | LogisticRefusal;

export const INTERCEPT = '(Intercept)';
const EPSILON = 1e-8; // glm.control()$epsilon
const MAX_ITERATIONS = 25; // glm.control()$maxit
const SEPARATION =
  'Some fitted probabilities are numerically 0 or 1: the terms separate the outcome perfectly (separation), so the odds ratios are infinite and no estimates are given.';
const FITTED_EPS = 10 * Number.EPSILON; // glm.fit's "fitted probabilities numerically 0 or 1"

/**
 * The deviance R reports for one row per episode (y = 0 or 1, so the saturated likelihood is 1):
 * −2·[k log μ + (n − k) log(1 − μ)]. Aggregated binomial data would have a smaller deviance, and
 * glm's convergence test is relative to the deviance, so this keeps R's iterations too.
 */
function unitDeviance(y: number, mu: number, n: number): number {
  const k = y * n;
  return -2 * ((k > 0 ? k * Math.log(mu) : 0) + (n - k > 0 ? (n - k) * Math.log(1 - mu) : 0));
}

/** A 0/1 column whose "1" rows all share one outcome: the MLE of its coefficient is infinite. */
function separatedIndicator(columns: string[], used: BinomialPattern[]): string | null {
  for (let j = 0; j < columns.length; j++) {
    if (!used.every((p) => p.x[j] === 0 || p.x[j] === 1)) continue;
    const ones = used.filter((p) => p.x[j] === 1);
    const trials = ones.reduce((sum, p) => sum + p.trials, 0);
    const successes = ones.reduce((sum, p) => sum + p.successes, 0);
    if (trials > 0 && (successes === 0 || successes === trials)) {
      const outcome = successes === 0 ? 'none' : 'all';
      return `${columns[j]}: ${outcome} of its ${trials} episodes had the outcome, so its odds ratio is infinite (separation) and the model gives no estimates. Merge or leave out that level.`;
    }
  }
  return null;
}

export function fitLogistic(input: LogisticInput): LogisticResult {
  const { columns, termOfColumn } = flattenTerms(input.terms);
  const used = input.patterns.filter((p) => {
    if (!Number.isInteger(p.trials) || !Number.isInteger(p.successes) || p.successes < 0 || p.successes > p.trials) {
      throw new RangeError(`pattern needs whole numbers 0 ≤ successes ≤ trials, got ${p.successes} of ${p.trials}`);
    }
    if (p.x.length !== columns.length)
      throw new RangeError(`pattern has ${p.x.length} values for ${columns.length} columns`);
    return p.trials > 0;
  });
  const n = used.reduce((sum, p) => sum + p.trials, 0);
  const successes = used.reduce((sum, p) => sum + p.successes, 0);
  const refuse = (message: string): LogisticRefusal => ({ fitted: false, n, successes, message });
  if (n === 0) return refuse('No episodes to model.');
  if (successes === 0 || successes === n) {
    return refuse(
      `${successes === 0 ? 'None' : 'All'} of the ${n} episodes had the outcome: there is nothing to compare.`,
    );
  }

  const aliased = aliasedColumnsOfRows(
    used.map((p) => p.x),
    used.map((p) => p.trials),
    true,
    columns.length,
  );
  const separated = separatedIndicator(columns, used);
  if (separated) return refuse(separated);

  const keptColumns = columns.flatMap((_, j) => (aliased[j] ? [] : [j]));
  const q = keptColumns.length + 1;
  // The design (intercept first) as each pattern's non-zero columns and their values: most columns
  // are factor indicators, mostly 0, and a 0 adds nothing to any sum below (the sums are the same,
  // term by term and in the same order, as over every column).
  const designStart = new Uint32Array(used.length + 1);
  const designColumn: number[] = [];
  const designValue: number[] = [];
  used.forEach((p, i) => {
    designStart[i] = designColumn.length;
    designColumn.push(0);
    designValue.push(1);
    keptColumns.forEach((j, k) => {
      if (p.x[j] !== 0) {
        designColumn.push(k + 1);
        designValue.push(p.x[j]);
      }
    });
  });
  designStart[used.length] = designColumn.length;
  const columnOf = Uint16Array.from(designColumn);
  const valueOf = Float64Array.from(designValue);
  const y = used.map((p) => p.successes / p.trials);
  const trials = used.map((p) => p.trials);

  // R's per-row start: μ = 3/4 for a success, 1/4 otherwise; weight 3/16 either way; working response
  // ±(logit(3/4) + 4/3); the deviance at the start, 2·log(4/3) per row.
  const startWorking = Math.log(3) + 4 / 3;
  let weight = trials.map((t) => (t * 3) / 16);
  let working = used.map((p) => (startWorking * (2 * p.successes - p.trials)) / p.trials);
  let mu: number[] = [];
  let deviance = 2 * n * Math.log(4 / 3);
  let eta: number[] = [];
  let beta = new Array<number>(q).fill(0);
  let crossProduct: number[][] = [];
  let converged = false;
  let iterations = 0;
  const lower = new Float64Array(q * q);
  const right = new Array<number>(q);
  for (iterations = 1; iterations <= MAX_ITERATIONS; iterations++) {
    if (iterations > 1) {
      // Working response and weights at the current μ; R's covariance comes from this last system.
      weight = mu.map((m, i) => trials[i] * m * (1 - m));
      working = eta.map((e, i) => e + (y[i] - mu[i]) / (mu[i] * (1 - mu[i])));
    }
    // X'WX (its lower triangle: all the Cholesky factorization reads) and X'Wz in one pass.
    lower.fill(0);
    right.fill(0);
    for (let i = 0; i < used.length; i++) {
      const w = weight[i];
      const last = designStart[i + 1];
      for (let a = designStart[i]; a < last; a++) {
        const wa = w * valueOf[a];
        const row = columnOf[a] * q;
        for (let b = designStart[i]; b <= a; b++) lower[row + columnOf[b]] += wa * valueOf[b];
        right[columnOf[a]] += wa * working[i];
      }
    }
    crossProduct = Array.from({ length: q }, (_, a) =>
      Array.from({ length: q }, (_, b) => (b <= a ? lower[a * q + b] : lower[b * q + a])),
    );
    try {
      beta = solveSymmetric(crossProduct, right);
    } catch {
      return refuse(SEPARATION);
    }
    eta = used.map((_, i) => {
      let sum = 0;
      for (let a = designStart[i]; a < designStart[i + 1]; a++) sum += valueOf[a] * beta[columnOf[a]];
      return sum;
    });
    mu = eta.map((e) => 1 / (1 + Math.exp(-e)));
    const previous = deviance;
    deviance = mu.reduce((sum, m, i) => sum + unitDeviance(y[i], m, trials[i]), 0);
    if (Math.abs(deviance - previous) / (Math.abs(deviance) + 0.1) < EPSILON) {
      converged = true;
      break;
    }
  }
  if (!converged) {
    return refuse(
      `The completion model did not converge in ${MAX_ITERATIONS} iterations (usually a sign of separation: some combination of terms predicts the outcome perfectly). No estimates are given.`,
    );
  }
  if (mu.some((m) => m < FITTED_EPS || m > 1 - FITTED_EPS)) {
    return refuse(
      'Some fitted probabilities are numerically 0 or 1: the terms separate the outcome perfectly, so the odds ratios are infinite and no estimates are given.',
    );
  }

  const variance = invertSymmetric(crossProduct);
  const pooled = successes / n;
  const nullDeviance = used.reduce((sum, _, i) => sum + unitDeviance(y[i], pooled, trials[i]), 0);
  const notes = columns.flatMap((column, j) =>
    aliased[j]
      ? [`${column} is constant or a combination of other columns in these data, so it has no estimate (R: NA).`]
      : [],
  );
  const termNames = [INTERCEPT, ...termOfColumn.map((t) => input.terms[t].name)];
  return {
    fitted: true,
    coefficients: waldCoefficients(
      [INTERCEPT, ...columns],
      termNames,
      [false, ...aliased],
      beta,
      variance.map((row, a) => row[a]),
    ),
    n,
    successes,
    deviance,
    nullDeviance,
    iterations,
    notes,
  };
}
