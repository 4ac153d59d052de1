import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  const user = { key: 'user:ana', maxFailures: 3 };
  const address = { key: 'ip:10.0.0.1', maxFailures: 5 };
  let now = 0;
  const throttle = () => new LoginThrottle(60_000, () => now);

  beforeEach(() => (now = 1_000_000));

  it('allows attempts until a key reaches its limit, then says how long to wait', () => {
    const t = throttle();
    for (let i = 0; i < 2; i++) t.recordFailure([user, address]);
    expect(t.retryAfterMs([user, address])).toBe(0);
    now += 10_000;
    t.recordFailure([user, address]);
    // The oldest of the last three failures (at 1,000,000) leaves the window at 1,060,000.
    expect(t.retryAfterMs([user, address])).toBe(50_000);
    now += 50_000;
    expect(t.retryAfterMs([user, address])).toBe(0);
  });

  it('limits an address across user names', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) t.recordFailure([{ key: `user:u${i}`, maxFailures: 3 }, address]);
    expect(t.retryAfterMs([{ key: 'user:someone-else', maxFailures: 3 }, address])).toBe(60_000);
  });

  it("clears a user's failures on success, but not the address's", () => {
    const t = throttle();
    for (let i = 0; i < 3; i++) t.recordFailure([user, address]);
    t.recordSuccess([user, address]);
    expect(t.retryAfterMs([user])).toBe(0);
    t.recordFailure([{ key: 'user:x', maxFailures: 3 }, address]);
    t.recordFailure([{ key: 'user:y', maxFailures: 3 }, address]);
    expect(t.retryAfterMs([address])).toBeGreaterThan(0);
  });
});
