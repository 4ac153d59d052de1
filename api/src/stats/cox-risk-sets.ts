/**
 * One pass over the risk sets of a Cox model with Efron's approximation for tied event times:
 * log partial likelihood, score and information at β. Shared by the fit (coxph), the
 * proportional-hazards check (cox.zph) and the baseline hazard.
 *
 * Rows are covariate patterns with a count, not one row per episode: SQL hands over
 * (pattern, time, event) cells with their number of episodes. The count is a frequency, so a tie of
 * d episodes is treated as d tied events (Efron's d steps), which is what R does on the unaggregated
 * data. (R's own case weights would take one step per row instead; for counts that is not the same.)
 */
import type { Matrix } from './matrix';
import { zeros } from './matrix';

export interface CoxPattern {
  /** Follow-up time (days). */
  time: number;
  /** true: the event (dropout) at `time`; false: censored at `time`. */
  event: boolean;
  /** How many episodes share this pattern, time and outcome (a whole number ≥ 1). */
  count: number;
  /** Covariate values, one per model column (already centered by the caller when it wants). */
  x: readonly number[];
}

/**
 * An event time's sums over its Efron steps k = 0..d−1 (denominator S0 − k/d·S0(dead), weighted
 * mean x̄_k and variance V_k of x in the risk set): what cox.zph and the baseline hazard need,
 * kept per time (not per step) so memory grows with distinct times, not with events.
 */
export interface EventTime {
  time: number;
  /** Number of tied events (sum of counts). */
  deaths: number;
  /** Σ_k 1 / denominator_k: the Efron baseline-hazard increment at this time. */
  hazard: number;
  /** Σ_k x̄_k. */
  sumMean: number[];
  /** Σ_k V_k. */
  sumVariance: Matrix;
  /** Σ count·x over the tied events. */
  deadSum: number[];
}

export interface RiskSetPass {
  logLikelihood: number;
  score: number[];
  information: Matrix;
  eventTimes: EventTime[];
}

/**
 * Patterns as columns of typed arrays, one row per pattern: what the models work on (no object per
 * pattern). Row i's covariates are x[i·width] … x[i·width + width − 1].
 */
export interface PatternTable {
  rows: number;
  width: number;
  time: Float64Array;
  event: Uint8Array;
  count: Float64Array;
  x: Float64Array;
}

export function emptyPatternTable(rows: number, width: number): PatternTable {
  return {
    rows,
    width,
    time: new Float64Array(rows),
    event: new Uint8Array(rows),
    count: new Float64Array(rows),
    x: new Float64Array(rows * width),
  };
}

/** The table of `patterns` (each with `width` covariate values). */
export function patternTable(patterns: readonly CoxPattern[], width: number): PatternTable {
  const table = emptyPatternTable(patterns.length, width);
  patterns.forEach((pattern, i) => {
    if (pattern.x.length !== width) throw new RangeError(`pattern has ${pattern.x.length} values for ${width} columns`);
    table.time[i] = pattern.time;
    table.event[i] = pattern.event ? 1 : 0;
    table.count[i] = pattern.count;
    table.x.set(pattern.x, i * width);
  });
  return table;
}

/** Row indices by time, latest first; rows of one time keep their order (the risk set grows as time goes back). */
export function timeDescendingOrder(time: Float64Array): number[] {
  const order: number[] = [];
  let sorted = true;
  for (let i = 0; i < time.length; i++) {
    order.push(i);
    if (i > 0 && time[i] > time[i - 1]) sorted = false;
  }
  // The service hands its cells over in this order already: no sort of 100,000 indices then.
  return sorted ? order : order.sort((a, b) => time[b] - time[a]);
}

/**
 * Centered patterns (fitCox centers x by the column means) with the uncentered values they came
 * from: the pass sums the uncentered values, which are mostly 0 (factor indicators), and centers
 * the sums at each event time (see riskSetPass).
 */
const centering = new WeakMap<PatternTable, { means: Float64Array; raw: PatternTable }>();

/** Records that sorted.x = raw.x − means (column by column), for the risk-set pass. */
export function setCentering(sorted: PatternTable, means: Float64Array, raw: PatternTable): void {
  centering.set(sorted, { means, raw });
}

/** The patterns as flat typed arrays: the risk-set pass is the models' inner loop. */
interface PackedPatterns {
  n: number;
  time: Float64Array;
  count: Float64Array;
  event: Uint8Array;
  /** The centering means (0 for patterns passed in uncentered). */
  means: Float64Array;
  /**
   * Each row's non-zero uncentered values and their columns: rows nonzeroStart[i] …
   * nonzeroStart[i + 1] − 1 of `value` and `column`, columns ascending.
   */
  nonzeroStart: Uint32Array;
  column: Uint16Array;
  value: Float64Array;
}

const packedCache = new WeakMap<PatternTable, PackedPatterns>();

function packed(sorted: PatternTable, p: number): PackedPatterns {
  const cached = packedCache.get(sorted);
  if (cached) return cached;
  const n = sorted.rows;
  const centered = centering.get(sorted);
  const x = centered ? centered.raw.x : sorted.x;
  let nonzeroCount = 0;
  for (let a = 0; a < n * p; a++) if (x[a] !== 0) nonzeroCount++;
  const nonzeroStart = new Uint32Array(n + 1);
  const column = new Uint16Array(nonzeroCount);
  const value = new Float64Array(nonzeroCount);
  nonzeroCount = 0;
  for (let r = 0; r < n; r++) {
    nonzeroStart[r] = nonzeroCount;
    for (let j = 0, a = r * p; j < p; j++, a++) {
      if (x[a] === 0) continue;
      column[nonzeroCount] = j;
      value[nonzeroCount++] = x[a];
    }
  }
  nonzeroStart[n] = nonzeroCount;
  const result: PackedPatterns = {
    n,
    time: sorted.time,
    count: sorted.count,
    event: sorted.event,
    means: centered ? centered.means : new Float64Array(p),
    nonzeroStart,
    column,
    value,
  };
  packedCache.set(sorted, result);
  return result;
}

/** A lower-triangular p × p accumulator as a full symmetric Matrix. */
function symmetricMatrix(lower: Float64Array, p: number): Matrix {
  const matrix = zeros(p);
  for (let j = 0; j < p; j++) {
    for (let k = 0; k <= j; k++) {
      matrix[j][k] = lower[j * p + k];
      matrix[k][j] = lower[j * p + k];
    }
  }
  return matrix;
}

/** The last pass with kept event times, per patterns and β: cox.zph, its residuals and the curves share it. */
const lastPass = new WeakMap<PatternTable, { beta: readonly number[]; pass: RiskSetPass }>();

/**
 * One sorted pass, latest time first, adding each pattern to the risk set as time goes back:
 * O(rows × q²) for q non-zero values per row, plus O(deaths × p²) for Efron's steps.
 *
 * The sums S0, S1 = Σ risk·x and S2 = Σ risk·x·x' run over the uncentered values (mostly 0 for
 * factor indicators: only the non-zero ones are visited), the risk itself over the centered ones
 * (exp stays in range). Means and variances are taken from them per Efron step and centered there:
 * x̄ − m and S2/S0 − x̄·x̄' (a variance is the same about any centre), the same sums as over the
 * centered values up to rounding.
 *
 * @param sorted patterns latest time first (timeDescendingOrder; packed once per table and cached)
 * @param keepEventTimes keep each event time's sums (cox.zph and the baseline hazard need them)
 */
export function riskSetPass(sorted: PatternTable, beta: readonly number[], keepEventTimes = false): RiskSetPass {
  if (keepEventTimes) {
    const last = lastPass.get(sorted);
    if (last && last.beta.length === beta.length && last.beta.every((b, j) => b === beta[j])) return last.pass;
  }
  const p = beta.length;
  const { n, time: times, count: counts, event: events, means, nonzeroStart, column, value } = packed(sorted, p);
  let meansDotBeta = 0;
  for (let j = 0; j < p; j++) meansDotBeta += means[j] * beta[j];
  const s1 = new Float64Array(p);
  const s2 = new Float64Array(p * p); // lower triangle, row-major
  let s0 = 0;
  let logLikelihood = 0;
  const score = new Array<number>(p).fill(0);
  const information = new Float64Array(p * p);
  const eventTimes: EventTime[] = [];
  const deadS1 = new Float64Array(p);
  const deadS2 = new Float64Array(p * p);
  const deadSum = new Float64Array(p);
  const sumMean = new Float64Array(p);
  const sumVariance = new Float64Array(p * p);

  let i = 0;
  while (i < n) {
    const time = times[i];
    let deaths = 0;
    let deadS0 = 0;
    let deadFirst = true;
    for (; i < n && times[i] === time; i++) {
      const count = counts[i];
      const first = nonzeroStart[i];
      const last = nonzeroStart[i + 1];
      let eta = 0;
      for (let a = first; a < last; a++) eta += value[a] * beta[column[a]];
      eta -= meansDotBeta;
      const risk = count * Math.exp(eta);
      s0 += risk;
      for (let a = first; a < last; a++) {
        const j = column[a];
        const riskXj = risk * value[a];
        s1[j] += riskXj;
        const row = j * p;
        for (let b = first; b <= a; b++) s2[row + column[b]] += riskXj * value[b];
      }
      if (events[i] === 1) {
        if (deadFirst) {
          deadS1.fill(0);
          deadS2.fill(0);
          deadSum.fill(0);
          deadFirst = false;
        }
        deaths += count;
        deadS0 += risk;
        logLikelihood += count * eta;
        for (let a = first; a < last; a++) {
          const j = column[a];
          const riskXj = risk * value[a];
          deadS1[j] += riskXj;
          deadSum[j] += count * value[a];
          const row = j * p;
          for (let b = first; b <= a; b++) deadS2[row + column[b]] += riskXj * value[b];
        }
      }
    }
    if (deaths === 0) continue;

    // Centered: Σ count·(x − m) over the tied events.
    for (let j = 0; j < p; j++) deadSum[j] -= deaths * means[j];
    for (let j = 0; j < p; j++) score[j] += deadSum[j];
    // Efron's steps k = 0..d−1 enter the sums only through scalars: with f = k/d and
    // D_k = S0 − f·S0(dead), Σ_k x̄_k = S1·Σ1/D − S1(dead)·Σf/D and Σ_k V_k = S2·Σ1/D − S2(dead)·Σf/D
    // − [S1S1'·Σ1/D² − (S1S1(dead)' + S1(dead)S1')·Σf/D² + S1(dead)S1(dead)'·Σf²/D²]: O(d + p²) per
    // event time instead of O(d·p²).
    let hazard = 0;
    let sumFraction = 0;
    let sumInverseSquare = 0;
    let sumFractionSquare = 0;
    let sumFraction2Square = 0;
    for (let step = 0; step < deaths; step++) {
      const fraction = step / deaths;
      const denominator = s0 - fraction * deadS0;
      logLikelihood -= Math.log(denominator);
      const inverse = 1 / denominator;
      const inverseSquare = inverse * inverse;
      hazard += inverse;
      sumFraction += fraction * inverse;
      sumInverseSquare += inverseSquare;
      sumFractionSquare += fraction * inverseSquare;
      sumFraction2Square += fraction * fraction * inverseSquare;
    }
    for (let j = 0; j < p; j++) {
      const centeredMeans = s1[j] * hazard - deadS1[j] * sumFraction - deaths * means[j];
      score[j] -= centeredMeans;
      sumMean[j] = centeredMeans;
      for (let k = 0; k <= j; k++) {
        const jk = j * p + k;
        sumVariance[jk] =
          s2[jk] * hazard -
          deadS2[jk] * sumFraction -
          (s1[j] * s1[k] * sumInverseSquare -
            (s1[j] * deadS1[k] + deadS1[j] * s1[k]) * sumFractionSquare +
            deadS1[j] * deadS1[k] * sumFraction2Square);
      }
    }
    for (let jk = 0; jk < p * p; jk++) information[jk] += sumVariance[jk];
    if (keepEventTimes) {
      eventTimes.push({
        time,
        deaths,
        hazard,
        sumMean: Array.from(sumMean),
        sumVariance: symmetricMatrix(sumVariance, p),
        deadSum: Array.from(deadSum),
      });
    }
  }
  eventTimes.reverse();
  const pass = { logLikelihood, score, information: symmetricMatrix(information, p), eventTimes };
  if (keepEventTimes) lastPass.set(sorted, { beta: [...beta], pass });
  return pass;
}
