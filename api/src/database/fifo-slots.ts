/**
 * A counting semaphore that hands its slots out in arrival order. The queue may be bounded:
 * acquire() then answers null at once instead of queueing past it.
 */
export class FifoSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly limit: number,
    readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {}

  /** Resolves with the slot's release (safe to call twice) once it is this caller's turn; null: queue full. */
  acquire(): Promise<() => void> | null {
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.maxWaiting) return null;
    return new Promise((resolve) => this.waiting.push(() => resolve(this.releaser())));
  }

  /** Nothing running and nobody waiting: the owner may forget these slots. */
  get idle(): boolean {
    return this.running === 0 && this.waiting.length === 0;
  }

  get busy(): number {
    return this.running;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // A waiter takes the slot over, so `running` stays; else the slot is free.
      if (next) next();
      else this.running--;
    };
  }
}

/** FifoSlots per key (a user), created on first use and forgotten once idle. */
export class FifoSlotsPerKey<K> {
  private readonly slots = new Map<K, FifoSlots>();

  constructor(
    private readonly limit: number,
    private readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {}

  acquire(key: K): Promise<() => void> | null {
    let slots = this.slots.get(key);
    if (!slots) this.slots.set(key, (slots = new FifoSlots(this.limit, this.maxWaiting)));
    const acquired = slots.acquire();
    const owned = slots;
    return (
      acquired?.then((release) => () => {
        release();
        if (owned.idle && this.slots.get(key) === owned) this.slots.delete(key);
      }) ?? null
    );
  }

  /** Slots of this key in use now (tests and diagnostics). */
  busy(key: K): number {
    return this.slots.get(key)?.busy ?? 0;
  }
}
