import { currentUser, requestMemo, runAsUser } from './current-user';

const user = { userId: 1, username: 'director', role: 'director' as const, siteIds: null, csrfToken: 't' };

describe('the request scope', () => {
  it('gives the user of the request, and nothing outside one', () => {
    expect(runAsUser(user, () => currentUser())).toBe(user);
    expect(currentUser()).toBeUndefined();
  });

  it('reads a memo once per request, across awaits, and afresh in the next request', async () => {
    let reads = 0;
    const read = async () => ++reads;
    const inRequest = () =>
      runAsUser(user, async () => {
        const first = await requestMemo('stamp', read);
        await new Promise((resolve) => setTimeout(resolve, 1));
        const [second, third] = await Promise.all([requestMemo('stamp', read), requestMemo('stamp', read)]);
        return [first, second, third];
      });
    expect(await inRequest()).toEqual([1, 1, 1]);
    expect(await inRequest()).toEqual([2, 2, 2]);
    // Outside a request nothing is kept.
    expect([await requestMemo('stamp', read), await requestMemo('stamp', read)]).toEqual([3, 4]);
  });

  it('answers a memo known when the request began (read with the session) without reading it', async () => {
    const read = jest.fn(async () => 'read');
    const known = { stamp: { asOf: '2025-03-31', singleSite: true }, nothing: null };
    const answers = await runAsUser(
      user,
      () => Promise.all([requestMemo('stamp', read), requestMemo('nothing', read)]),
      known,
    );
    expect(answers).toEqual([known.stamp, null]);
    expect(read).not.toHaveBeenCalled();
  });
});
