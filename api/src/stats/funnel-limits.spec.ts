import { funnelLimits, funnelPosition } from './funnel-limits';
import flags from './testing/r-reference/funnel-flags.json';
import { expectRelative, R } from './testing/r-reference/r-reference';

describe('funnelLimits against R (qbinom/pbinom, Spiegelhalter interpolation)', () => {
  it.each(R.funnel)('n = $n, p0 = $p0', ({ n, p0, lower998, lower95, upper95, upper998 }) => {
    const limits = funnelLimits(n, p0);
    const clamp = (x: number) => Math.min(1, Math.max(0, x));
    expectRelative(
      `funnel ${n} ${p0}`,
      [limits.lower998, limits.lower95, limits.upper95, limits.upper998],
      [lower998, lower95, upper95, upper998].map(clamp),
      1e-9,
    );
  });

  it('limits narrow as n grows', () => {
    const small = funnelLimits(30, 0.7);
    const large = funnelLimits(3000, 0.7);
    expect(large.upper998 - large.lower998).toBeLessThan(small.upper998 - small.lower998);
    expect(small.lower998).toBeLessThan(small.lower95);
  });

  it('refuses n = 0', () => {
    expect(() => funnelLimits(0, 0.5)).toThrow(/n must be/);
  });
});

describe('funnelPosition against R (qbinom, binom.test): the exact test decides, not the drawn line', () => {
  it.each(flags.cases)('$k of $n at p0 = $p0 is $position', ({ k, n, p0, q001, q999, pAbove, pBelow, position }) => {
    // The R rule itself, checked on R's own numbers, so the recorded positions cannot drift from it.
    expect(position === 'above').toBe(pAbove <= 0.001);
    expect(position === 'below').toBe(pBelow < 0.001);
    expect(position).toBe(k > q999 ? 'above' : k < q001 ? 'below' : 'within');
    expect(funnelPosition(k, n, p0)).toBe(position);
  });

  it('a group of 1 retained at a target of 0.6 lies past the drawn 99.8% line but is not flagged', () => {
    // By hand: F(0) = 0.4, F(1) = 1; qbinom(0.999, 1, 0.6) = 1, α = (1 − 0.999) / (1 − 0.4) = 1/600,
    // so the line is at 1 − 1/600; P(X ≥ 1) = 0.6, nowhere near 0.1%.
    expect(funnelLimits(1, 0.6).upper998).toBeCloseTo(1 - 1 / 600, 12);
    expect(funnelPosition(1, 1, 0.6)).toBe('within');
    // 14 of 14: P(X ≥ 14) = 0.6^14 = 7.8e-4 ≤ 0.1%: above; 13 of 13: 0.6^13 = 1.3e-3: within.
    expect(funnelPosition(14, 14, 0.6)).toBe('above');
    expect(funnelPosition(13, 13, 0.6)).toBe('within');
  });

  it('refuses a count outside 0..n', () => {
    expect(() => funnelPosition(3, 2, 0.5)).toThrow(/k must be a whole number in 0..n, got 3 of 2/);
    expect(() => funnelPosition(-1, 2, 0.5)).toThrow(/k must be/);
  });
});
