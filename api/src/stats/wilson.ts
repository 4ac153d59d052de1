/**
 * Wilson score interval for a binomial proportion, without continuity correction,
 * as R binom::binom.wilson / binom.confint(method = "wilson").
 */

import { Z_95 } from './z-95';

export interface RateInterval {
  /** successes / n, or null when n = 0 (no denominator). */
  rate: number | null;
  lower: number | null;
  upper: number | null;
}

export function wilson(successes: number, n: number, z: number = Z_95): RateInterval {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be an integer in [0, n], got ${successes} of ${n}`);
  }
  if (!(z > 0) || !Number.isFinite(z)) throw new RangeError(`z must be positive and finite, got ${z}`);
  if (n === 0) return { rate: null, lower: null, upper: null };

  const rate = successes / n;
  const z2 = z * z;
  const center = rate + z2 / (2 * n);
  const halfWidth = z * Math.sqrt((rate * (1 - rate) + z2 / (4 * n)) / n);
  const denominator = 1 + z2 / n;
  // Clamp so 0/n and n/n give exactly 0 and 1 rather than ±1e-17 rounding noise.
  return {
    rate,
    lower: Math.max(0, (center - halfWidth) / denominator),
    upper: Math.min(1, (center + halfWidth) / denominator),
  };
}
