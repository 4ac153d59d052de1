import { createRng, mixSeed } from './prng';

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const draw = (seed: number): number[] => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const rng = createRng(1);
    const buckets = new Array<number>(10).fill(0);
    let outOfRange = 0;
    for (let i = 0; i < 100_000; i++) {
      const value = rng.next();
      if (!(value >= 0 && value < 1)) outOfRange++;
      else buckets[Math.floor(value * 10)]++;
    }
    expect(outOfRange).toBe(0);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('draws integers within both bounds, reaching each', () => {
    const rng = createRng(5);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('follows weights', () => {
    const rng = createRng(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[rng.weightedIndex([1, 2, 0])]++;
    expect(counts[2]).toBe(0);
    expect(counts[1] / counts[0]).toBeGreaterThan(1.8);
    expect(counts[1] / counts[0]).toBeLessThan(2.2);
  });

  it('gives normal deviates with mean 0 and standard deviation 1', () => {
    const rng = createRng(3);
    const values = Array.from({ length: 50_000 }, () => rng.normal());
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(variance) - 1)).toBeLessThan(0.02);
    expect(values.every(Number.isFinite)).toBe(true);
  });
});

describe('mixSeed', () => {
  it('separates streams that differ in any part and in order', () => {
    const seeds = new Set([mixSeed(1, 1, 0), mixSeed(1, 1, 1), mixSeed(1, 0, 1), mixSeed(2, 1, 0), mixSeed(1, 1)]);
    expect(seeds.size).toBe(5);
    expect(mixSeed(7, 3, 9)).toBe(mixSeed(7, 3, 9));
  });
});
