import { createRng } from '@iop/etl';
import { exponentialMixture } from './exponential-mixture';

function direct(risks: Float64Array, weights: Float64Array, h: number): number {
  let sum = 0;
  for (let i = 0; i < risks.length; i++) sum += weights[i] * Math.exp(-h * risks[i]);
  return sum;
}

describe('exponentialMixture: Σ w·exp(−h·r) by binned Taylor series', () => {
  it.each([
    ['risks of a case mix (0.2 to 5), h up to 3', 0.2, 5, 3, 17_500],
    ['widely spread risks (1e-3 to 200), h up to 10', 1e-3, 200, 10, 5_000],
    ['risks in a narrow band, small h', 0.9, 1.1, 0.05, 1_000],
    ['risks too spread for the series (1e-3 to 1e6), summed directly', 1e-3, 1e6, 5, 2_000],
  ])('equals the direct sum to 1e-13: %s', (_, low, high, hMax, count) => {
    const draw = createRng(20261207).next;
    const risks = Float64Array.from({ length: count }, () => low * Math.pow(high / low, draw())).sort();
    const weights = Float64Array.from({ length: count }, () => 1 + Math.floor(draw() * 4));
    const mixture = exponentialMixture(risks, weights, hMax);
    for (let step = 0; step <= 50; step++) {
      const h = (hMax * step) / 50;
      const expected = direct(risks, weights, h);
      expect(Math.abs(mixture.at(h) - expected) / expected).toBeLessThan(1e-13);
    }
  });

  it('gives the total weight at h = 0, also when hMax is 0', () => {
    const mixture = exponentialMixture(Float64Array.of(0.5, 1, 2), Float64Array.of(1, 2, 3), 0);
    expect(mixture.at(0)).toBe(6);
  });

  it('flushes a bin whose exponent is below −690 to 0 rather than a subnormal', () => {
    const mixture = exponentialMixture(Float64Array.of(1, 1000), Float64Array.of(1, 1), 1);
    expect(mixture.at(1)).toBeCloseTo(Math.exp(-1), 15);
  });

  it('refuses an h outside 0 … hMax, where its error bound does not hold', () => {
    const mixture = exponentialMixture(Float64Array.of(1), Float64Array.of(1), 2);
    expect(() => mixture.at(2.5)).toThrow('h must be within 0 … 2, got 2.5');
    expect(() => mixture.at(-1)).toThrow(RangeError);
    expect(() => exponentialMixture(Float64Array.of(1), Float64Array.of(1), Number.NaN)).toThrow(RangeError);
  });
});
