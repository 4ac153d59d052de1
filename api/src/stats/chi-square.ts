/**
 * Chi-square upper-tail probability via the regularized incomplete gamma function
 * (Numerical Recipes, 3rd ed., §6.2: series for x < a + 1, Lentz continued fraction otherwise).
 *
 * pchisq(x, df, lower.tail = FALSE) in R equals Q(df / 2, x / 2).
 */

const EPSILON = 1e-15;
const TINY = 1e-300; // keeps Lentz's algorithm away from division by zero
const MAX_ITERATIONS = 10_000;

// Lanczos approximation (g = 7, 9 terms): ~15 significant digits for a >= 0.5, all we need.
const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(a) for a >= 0.5. */
export function logGamma(a: number): number {
  if (!(a >= 0.5)) throw new RangeError(`logGamma needs a >= 0.5, got ${a}`);
  const x = a - 1;
  let sum = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) sum += LANCZOS_COEFFICIENTS[i] / (x + i);
  const t = x + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** e^(-x) x^a / Γ(a): the common prefactor of both expansions, computed in log space. */
function prefactor(a: number, x: number): number {
  return Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** P(a, x) by its power series; converges quickly when x < a + 1. */
function lowerBySeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n <= MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) return sum * prefactor(a, x);
  }
  throw new Error(`incomplete gamma series did not converge (a=${a}, x=${x})`);
}

/** Q(a, x) by its continued fraction (modified Lentz); converges quickly when x >= a + 1. */
function upperByContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) return prefactor(a, x) * h;
  }
  throw new Error(`incomplete gamma continued fraction did not converge (a=${a}, x=${x})`);
}

function checkArguments(a: number, x: number): void {
  if (!(a >= 0.5) || !Number.isFinite(a)) throw new RangeError(`shape a must be finite and >= 0.5, got ${a}`);
  if (Number.isNaN(x)) throw new RangeError('x must not be NaN');
}

/** Regularized lower incomplete gamma P(a, x) = γ(a, x) / Γ(a). */
export function regularizedGammaP(a: number, x: number): number {
  checkArguments(a, x);
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? lowerBySeries(a, x) : 1 - upperByContinuedFraction(a, x);
}

/** Regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), accurate in the far tail. */
export function regularizedGammaQ(a: number, x: number): number {
  checkArguments(a, x);
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - lowerBySeries(a, x) : upperByContinuedFraction(a, x);
}

/** P(X >= statistic) for X ~ chi-square(df); R's pchisq(statistic, df, lower.tail = FALSE). df >= 1. */
export function chiSquareUpperTail(statistic: number, df: number): number {
  if (!(df >= 1) || !Number.isFinite(df)) throw new RangeError(`df must be finite and >= 1, got ${df}`);
  return regularizedGammaQ(df / 2, statistic / 2);
}
