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

/** Patterns sorted by time, latest first (the risk set grows as time goes back). */
export function byTimeDescending(patterns: readonly CoxPattern[]): CoxPattern[] {
  return [...patterns].sort((a, b) => b.time - a.time);
}

/** The patterns as flat typed arrays: the risk-set pass is the models' inner loop. */
interface PackedPatterns {
  n: number;
  time: Float64Array;
  count: Float64Array;
  event: Uint8Array;
  /** Row-major n × p. */
  x: Float64Array;
}

const packedCache = new WeakMap<readonly CoxPattern[], PackedPatterns>();

function packed(sorted: readonly CoxPattern[], p: number): PackedPatterns {
  const cached = packedCache.get(sorted);
  if (cached) return cached;
  const n = sorted.length;
  const result: PackedPatterns = {
    n,
    time: Float64Array.from(sorted, (row) => row.time),
    count: Float64Array.from(sorted, (row) => row.count),
    event: Uint8Array.from(sorted, (row) => (row.event ? 1 : 0)),
    x: new Float64Array(n * p),
  };
  sorted.forEach((row, r) => result.x.set(row.x, r * p));
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

/**
 * @param sorted patterns from byTimeDescending (packed once per array and cached)
 * @param keepEventTimes keep each event time's sums (cox.zph and the baseline hazard need them)
 */
export function riskSetPass(
  sorted: readonly CoxPattern[],
  beta: readonly number[],
  keepEventTimes = false,
): RiskSetPass {
  const p = beta.length;
  const { n, time: times, count: counts, event: events, x } = packed(sorted, p);
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
  const mean = new Float64Array(p);
  const sumMean = new Float64Array(p);
  const sumVariance = new Float64Array(p * p);

  let i = 0;
  while (i < n) {
    const time = times[i];
    let deaths = 0;
    let deadS0 = 0;
    deadS1.fill(0);
    deadS2.fill(0);
    deadSum.fill(0);
    for (; i < n && times[i] === time; i++) {
      const base = i * p;
      const count = counts[i];
      let eta = 0;
      for (let j = 0; j < p; j++) eta += x[base + j] * beta[j];
      const risk = count * Math.exp(eta);
      s0 += risk;
      // Most columns are factor indicators, mostly 0: skipping them is most of the speed.
      for (let j = 0; j < p; j++) {
        const xj = x[base + j];
        if (xj === 0) continue;
        const riskXj = risk * xj;
        s1[j] += riskXj;
        for (let k = 0; k <= j; k++) s2[j * p + k] += riskXj * x[base + k];
      }
      if (events[i] === 1) {
        deaths += count;
        deadS0 += risk;
        logLikelihood += count * eta;
        for (let j = 0; j < p; j++) {
          const xj = x[base + j];
          if (xj === 0) continue;
          const riskXj = risk * xj;
          deadS1[j] += riskXj;
          deadSum[j] += count * xj;
          for (let k = 0; k <= j; k++) deadS2[j * p + k] += riskXj * x[base + k];
        }
      }
    }
    if (deaths === 0) continue;

    for (let j = 0; j < p; j++) score[j] += deadSum[j];
    let hazard = 0;
    sumMean.fill(0);
    sumVariance.fill(0);
    for (let step = 0; step < deaths; step++) {
      const fraction = step / deaths;
      const denominator = s0 - fraction * deadS0;
      logLikelihood -= Math.log(denominator);
      hazard += 1 / denominator;
      for (let j = 0; j < p; j++) mean[j] = (s1[j] - fraction * deadS1[j]) / denominator;
      for (let j = 0; j < p; j++) {
        score[j] -= mean[j];
        sumMean[j] += mean[j];
        for (let k = 0; k <= j; k++) {
          sumVariance[j * p + k] += (s2[j * p + k] - fraction * deadS2[j * p + k]) / denominator - mean[j] * mean[k];
        }
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
  return { logLikelihood, score, information: symmetricMatrix(information, p), eventTimes };
}
