import { FifoSlots, FifoSlotsPerKey } from './fifo-slots';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('FifoSlots', () => {
  it('runs at most `limit` at once and hands freed slots out in arrival order', async () => {
    const slots = new FifoSlots(2, 10);
    const started: number[] = [];
    const releases: (() => void)[] = [];
    for (let i = 0; i < 5; i++)
      void slots.acquire()!.then((release) => {
        started.push(i);
        releases[i] = release;
      });
    await tick();
    expect(started).toEqual([0, 1]);
    releases[1]!();
    releases[1]!(); // twice: still one slot freed
    await tick();
    expect(started).toEqual([0, 1, 2]);
    releases[0]!();
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(slots.busy).toBe(2);
  });

  it('refuses at once past its queue', async () => {
    const slots = new FifoSlots(1, 1);
    expect(slots.acquire()).not.toBeNull();
    expect(slots.acquire()).not.toBeNull();
    expect(slots.acquire()).toBeNull();
  });

  it('keeps one set of slots per key, forgotten once idle', async () => {
    const perUser = new FifoSlotsPerKey<number>(1);
    const a = await perUser.acquire(1)!;
    const b = await perUser.acquire(2)!; // another key is not held up
    expect([perUser.busy(1), perUser.busy(2)]).toEqual([1, 1]);
    a();
    b();
    expect([perUser.busy(1), perUser.busy(2)]).toEqual([0, 0]);
  });
});
