import { FigureCache } from './figure-cache';

describe('FigureCache', () => {
  const counting = () => {
    let calls = 0;
    const compute = async () => ++calls;
    return { compute, calls: () => calls };
  };

  it('computes once per key and version, and again after the version changes', async () => {
    const cache = new FigureCache(10);
    const { compute, calls } = counting();
    expect(await cache.getOrCompute('v1', 'a', compute)).toBe(1);
    expect(await cache.getOrCompute('v1', 'a', compute)).toBe(1);
    expect(await cache.getOrCompute('v1', 'b', compute)).toBe(2);
    expect(await cache.getOrCompute('v2', 'a', compute)).toBe(3);
    expect(calls()).toBe(3);
    expect(cache.size).toBe(1); // v1's answers are gone
  });

  it('shares one computation between concurrent requests', async () => {
    const cache = new FigureCache(10);
    let release!: (value: string) => void;
    let calls = 0;
    const compute = () => {
      calls++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const first = cache.getOrCompute('v1', 'a', compute);
    const second = cache.getOrCompute('v1', 'a', compute);
    release('answer');
    expect(await Promise.all([first, second])).toEqual(['answer', 'answer']);
    expect(calls).toBe(1);
  });

  it('keeps no failure: the next request computes again', async () => {
    const cache = new FigureCache(10);
    await expect(cache.getOrCompute('v1', 'a', () => Promise.reject(new Error('database down')))).rejects.toThrow(
      'database down',
    );
    expect(cache.size).toBe(0);
    expect(await cache.getOrCompute('v1', 'a', async () => 'fine')).toBe('fine');
  });

  it('drops the least recently used answer when full', async () => {
    const cache = new FigureCache(2);
    const { compute, calls } = counting();
    await cache.getOrCompute('v1', 'a', compute);
    await cache.getOrCompute('v1', 'b', compute);
    await cache.getOrCompute('v1', 'a', compute); // a is now the most recent
    await cache.getOrCompute('v1', 'c', compute); // evicts b
    expect(calls()).toBe(3);
    await cache.getOrCompute('v1', 'a', compute);
    expect(calls()).toBe(3);
    await cache.getOrCompute('v1', 'b', compute);
    expect(calls()).toBe(4);
  });

  it('computes every time when sized 0', async () => {
    const cache = new FigureCache(10);
    cache.resize(0);
    const { compute, calls } = counting();
    await cache.getOrCompute('v1', 'a', compute);
    await cache.getOrCompute('v1', 'a', compute);
    expect(calls()).toBe(2);
    expect(cache.size).toBe(0);
  });
});
