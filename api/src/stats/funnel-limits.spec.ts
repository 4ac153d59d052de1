import { funnelLimits } from './funnel-limits';
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
