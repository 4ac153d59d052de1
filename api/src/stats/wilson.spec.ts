import { wilson } from './wilson';
import { Z_95 } from './z-95';

describe('wilson', () => {
  // Published R binom::binom.confint(x, n, method = "wilson") bounds, 7 decimals.
  it.each([
    [18, 20, 0.6989664, 0.9721335],
    [4, 200, 0.0078044, 0.0502871],
    [0, 30, 0, 0.1135134],
  ])('%p/%p matches R binom', (x, n, lower, upper) => {
    const interval = wilson(x, n);
    expect(interval.rate).toBeCloseTo(x / n, 12);
    expect(interval.lower).toBeCloseTo(lower, 7);
    expect(interval.upper).toBeCloseTo(upper, 7);
  });

  it('defaults to z = qnorm(0.975); z = 1.96 misses binom in the 6th decimal', () => {
    expect(Z_95).toBeCloseTo(1.959964, 6);
    expect(wilson(18, 20, 1.96).lower).not.toBeCloseTo(0.6989664, 6);
  });

  it('gives exactly 0 and 1 at the extremes', () => {
    expect(wilson(0, 30).lower).toBe(0);
    expect(wilson(30, 30).upper).toBe(1);
    expect(wilson(30, 30).lower).toBeCloseTo(1 - 0.1135134, 7); // symmetric to 0/30
  });

  it('returns null rate and bounds when n = 0', () => {
    expect(wilson(0, 0)).toEqual({ rate: null, lower: null, upper: null });
  });

  it('rejects impossible counts', () => {
    expect(() => wilson(3, 2)).toThrow(RangeError);
    expect(() => wilson(-1, 2)).toThrow(RangeError);
    expect(() => wilson(1.5, 2)).toThrow(RangeError);
    expect(() => wilson(1, -2)).toThrow(RangeError);
    expect(() => wilson(1, 2, 0)).toThrow(RangeError);
  });
});
