/**
 * Control limits of a funnel plot for proportions (Spiegelhalter 2005, "Funnel plots for comparing
 * institutional performance", Stat Med 24:1185, appendix A.1.1): the exact binomial quantile of
 * Binomial(n, p₀), interpolated between whole counts so the limits are smooth in n, divided by n.
 *   r = qbinom(P, n, p₀); α = (F(r) − P) / (F(r) − F(r − 1)); limit = (r − α) / n.
 * Clamped to [0, 1]: for tiny n the interpolation can step past the ends (R gives e.g. −0.19 for
 * n = 5, p₀ = 0.5 at 0.1%), and a proportion cannot.
 *
 * The interpolated limits are for drawing. Whether a group is outside them is decided on its whole
 * count against the exact quantiles (funnelPosition): the interpolated upper limit (r − α)/n lies
 * below r/n, so k = r would sit just above the line although P(X ≥ r) > 0.1% (with n = 1, p₀ = 0.6,
 * 1 of 1 is above (1 − 0.0017)/1, yet P(X ≥ 1) = 0.6).
 */
import { logGamma } from './chi-square';

export interface FunnelLimits {
  lower998: number;
  lower95: number;
  upper95: number;
  upper998: number;
}

/**
 * log(i!) = logGamma(i + 1) for i = 0, 1, …, kept between calls and grown on demand: a funnel of
 * 4,000 groups with thousands of rows each asked for millions of them, the same ones again and again.
 */
let logFactorials = new Float64Array(0);

function logFactorialTable(upTo: number): Float64Array {
  if (upTo >= logFactorials.length) {
    const grown = new Float64Array(Math.max(upTo + 1, 2 * logFactorials.length));
    grown.set(logFactorials);
    for (let i = logFactorials.length; i < grown.length; i++) grown[i] = logGamma(i + 1);
    logFactorials = grown;
  }
  return logFactorials;
}

/** P(X ≤ r) for X ~ Binomial(n, p), for every r = 0..n. */
function binomialCdf(n: number, p: number): number[] {
  const cdf = new Array<number>(n + 1);
  let sum = 0;
  const logFactorial = logFactorialTable(n);
  const logP = Math.log(p);
  const log1mP = Math.log1p(-p);
  for (let r = 0; r <= n; r++) {
    let pmf: number;
    if (p === 0) pmf = r === 0 ? 1 : 0;
    else if (p === 1) pmf = r === n ? 1 : 0;
    else pmf = Math.exp(logFactorial[n] - logFactorial[r] - logFactorial[n - r] + r * logP + (n - r) * log1mP);
    sum += pmf;
    cdf[r] = Math.min(1, sum);
  }
  return cdf;
}

/** Spiegelhalter's interpolated quantile at probability `level`, as a proportion. */
function interpolatedLimit(cdf: readonly number[], n: number, level: number): number {
  // qbinom's fuzz: a CDF within rounding of the level counts as reaching it.
  const r = quantile(cdf, n, level);
  const below = r === 0 ? 0 : cdf[r - 1];
  const alpha = (cdf[r] - level) / (cdf[r] - below);
  return Math.min(1, Math.max(0, (r - alpha) / n));
}

/** qbinom(level, n, p): the smallest r with P(X ≤ r) ≥ level (with qbinom's fuzz). */
function quantile(cdf: readonly number[], n: number, level: number): number {
  const target = level * (1 - 64 * Number.EPSILON);
  let r = 0;
  while (r < n && cdf[r] < target) r++;
  return r;
}

export type FunnelSide = 'above' | 'within' | 'below';

/**
 * Where k of n lies against the 99.8% limits, by the exact binomial test of Binomial(n, p₀):
 * above when k > qbinom(0.999, n, p₀), i.e. P(X ≥ k) ≤ 0.1%; below when k < qbinom(0.001, n, p₀),
 * i.e. P(X ≤ k) < 0.1%. Strict against the whole-count quantile, so a count that Binomial(n, p₀)
 * reaches with more than 0.1% probability in its tail is never flagged, however small n is.
 */
export function funnelPosition(k: number, n: number, target: number): FunnelSide {
  return funnelPoint(k, n, target).position;
}

/** A group's limits and position from one binomial distribution (funnelLimits and funnelPosition in one). */
export function funnelPoint(k: number, n: number, target: number): { limits: FunnelLimits; position: FunnelSide } {
  checkFunnel(n, target);
  if (!Number.isInteger(k) || k < 0 || k > n)
    throw new RangeError(`k must be a whole number in 0..n, got ${k} of ${n}`);
  const cdf = binomialCdf(n, target);
  const position = k > quantile(cdf, n, 0.999) ? 'above' : k < quantile(cdf, n, 0.001) ? 'below' : 'within';
  return { limits: limitsOf(cdf, n), position };
}

export function funnelLimits(n: number, target: number): FunnelLimits {
  checkFunnel(n, target);
  return limitsOf(binomialCdf(n, target), n);
}

function checkFunnel(n: number, target: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
  if (!(target >= 0 && target <= 1)) throw new RangeError(`target proportion must be in [0, 1], got ${target}`);
}

function limitsOf(cdf: readonly number[], n: number): FunnelLimits {
  return {
    lower998: interpolatedLimit(cdf, n, 0.001),
    lower95: interpolatedLimit(cdf, n, 0.025),
    upper95: interpolatedLimit(cdf, n, 0.975),
    upper998: interpolatedLimit(cdf, n, 0.999),
  };
}
