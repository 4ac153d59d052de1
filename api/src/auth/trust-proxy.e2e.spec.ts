import { ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { MAX_FAILURES_PER_ADDRESS } from './auth.controller';

/**
 * Failed sign-ins, each under a new user name (so only the per-address limit applies) and a new
 * X-Forwarded-For address, as an attacker rotating the header would send them. The statuses.
 */
async function rotatingFailures(api: ApiTestServer, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${api.server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i % 250}, 10.1.${i}.7` },
      body: JSON.stringify({ username: `guess-${i}`, password: 'wrong-password' }),
    });
    statuses.push(response.status);
  }
  return statuses;
}

describe('the per-address sign-in throttle', () => {
  it('keys on the socket address when TRUST_PROXY is unset: rotating X-Forwarded-For does not escape it', async () => {
    const api = await startApiTestServer();
    try {
      const statuses = await rotatingFailures(api, MAX_FAILURES_PER_ADDRESS + 1);
      expect(statuses.slice(0, MAX_FAILURES_PER_ADDRESS).every((s) => s === 401)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await api.close();
    }
  });

  it("believes X-Forwarded-For from a proxy TRUST_PROXY names (the client's address is then the key)", async () => {
    const api = await startApiTestServer({ trustProxy: ['127.0.0.1'] });
    try {
      // Behind a trusted proxy each address is its own client: none of them is over its limit.
      const statuses = await rotatingFailures(api, MAX_FAILURES_PER_ADDRESS + 1);
      expect(statuses.every((s) => s === 401)).toBe(true);
    } finally {
      await api.close();
    }
  });
});
