/** A throttled key and how many failures it may have in the window. */
export interface ThrottleKey {
  key: string;
  maxFailures: number;
}

/**
 * Failed sign-ins are limited per user name (few: one person mistyping) and per client address
 * (more: a clinic shares one address), so that guessing passwords is slow whichever of the two an
 * attacker varies. In memory: one API process serves a program.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until another attempt is allowed for these keys, or 0. */
  retryAfterMs(keys: ThrottleKey[]): number {
    const now = this.now();
    let wait = 0;
    for (const { key, maxFailures } of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= maxFailures)
        wait = Math.max(wait, recent[recent.length - maxFailures] + this.windowMs - now);
    }
    return wait;
  }

  recordFailure(keys: ThrottleKey[]): void {
    const now = this.now();
    for (const { key } of keys) this.failures.set(key, [...this.recent(key, now), now].slice(-100));
  }

  /** A right password clears the user's failures (not the address's: others may be guessing). */
  recordSuccess(keys: ThrottleKey[]): void {
    this.failures.delete(keys[0].key);
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }
}
