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

/**
 * @param sorted patterns from byTimeDescending
 * @param keepEventTimes keep each event time's sums (cox.zph and the baseline hazard need them)
 */
export function riskSetPass(
  sorted: readonly CoxPattern[],
  beta: readonly number[],
  keepEventTimes = false,
): RiskSetPass {
  const p = beta.length;
  const s1 = new Array<number>(p).fill(0);
  const s2 = zeros(p);
  let s0 = 0;
  let logLikelihood = 0;
  const score = new Array<number>(p).fill(0);
  const information = zeros(p);
  const eventTimes: EventTime[] = [];

  let i = 0;
  while (i < sorted.length) {
    const time = sorted[i].time;
    let deaths = 0;
    let deadS0 = 0;
    const deadS1 = new Array<number>(p).fill(0);
    const deadS2 = zeros(p);
    const deadSum = new Array<number>(p).fill(0);
    for (; i < sorted.length && sorted[i].time === time; i++) {
      const { count, x, event } = sorted[i];
      let eta = 0;
      for (let j = 0; j < p; j++) eta += x[j] * beta[j];
      const risk = count * Math.exp(eta);
      s0 += risk;
      for (let j = 0; j < p; j++) {
        s1[j] += risk * x[j];
        for (let k = 0; k <= j; k++) s2[j][k] += risk * x[j] * x[k];
      }
      if (event) {
        deaths += count;
        deadS0 += risk;
        logLikelihood += count * eta;
        for (let j = 0; j < p; j++) {
          deadS1[j] += risk * x[j];
          deadSum[j] += count * x[j];
          for (let k = 0; k <= j; k++) deadS2[j][k] += risk * x[j] * x[k];
        }
      }
    }
    if (deaths === 0) continue;

    for (let j = 0; j < p; j++) score[j] += deadSum[j];
    let hazard = 0;
    const sumMean = new Array<number>(p).fill(0);
    const sumVariance = zeros(p);
    for (let step = 0; step < deaths; step++) {
      const fraction = step / deaths;
      const denominator = s0 - fraction * deadS0;
      logLikelihood -= Math.log(denominator);
      hazard += 1 / denominator;
      const mean = s1.map((value, j) => (value - fraction * deadS1[j]) / denominator);
      for (let j = 0; j < p; j++) {
        score[j] -= mean[j];
        sumMean[j] += mean[j];
        for (let k = 0; k <= j; k++) {
          const v = (s2[j][k] - fraction * deadS2[j][k]) / denominator - mean[j] * mean[k];
          sumVariance[j][k] += v;
          if (k !== j) sumVariance[k][j] += v;
        }
      }
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) information[j][k] += sumVariance[j][k];
    if (keepEventTimes) eventTimes.push({ time, deaths, hazard, sumMean, sumVariance, deadSum });
  }
  eventTimes.reverse();
  return { logLikelihood, score, information, eventTimes };
}
