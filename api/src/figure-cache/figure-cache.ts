/**
 * Answers to metric queries, kept per data version. The figures are a pure function of the loaded
 * data, the query and the user's role and site limits, and the data change only when a load
 * commits: every user of a page sends the same query, so most requests repeat an answer already
 * computed. A version is the derived tables' refresh stamp (see dataVersion); a new load gives a
 * new stamp, and the answers of older versions are dropped on the first request that sees it.
 *
 * An entry is a promise, stored before the answer exists: concurrent requests for the same key
 * wait for one computation (no stampede after a load). A promise that settles to null (the
 * computation failed or gave errors) is removed, and its waiters compute for themselves.
 */
export class FigureCache<T = unknown> {
  private readonly entries = new Map<string, Promise<T | null>>();
  private version: string | null = null;

  constructor(private maxEntries: number) {}

  /** 0 turns the cache off (the benchmark measures the queries themselves that way). */
  resize(maxEntries: number): void {
    this.maxEntries = maxEntries;
    this.entries.clear();
  }

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The answer, or its computation under way, for this key at this data version. */
  get(version: string, key: string): Promise<T | null> | undefined {
    if (version !== this.version) {
      // A new load: nothing computed before it can be served after it.
      this.entries.clear();
      this.version = version;
    }
    const entry = this.entries.get(key);
    if (entry) {
      // Most recently used last: a Map keeps insertion order, so its first key is the oldest.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Keeps a computation's answer; call right after get() found nothing, before awaiting anything. */
  set(version: string, key: string, answer: Promise<T | null>): void {
    if (!this.enabled || version !== this.version) return;
    this.entries.set(key, answer);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    void answer.then(
      (value) => value === null && this.forget(key, answer),
      () => this.forget(key, answer),
    );
  }

  /** get(), else compute and keep; a computation that fails or gives null is not kept. */
  async getOrCompute(version: string, key: string, compute: () => Promise<T | null>): Promise<T | null> {
    if (!this.enabled) return compute();
    const cached = this.get(version, key);
    if (cached) {
      const answer = await cached;
      if (answer !== null) return answer;
      return compute();
    }
    const answer = compute();
    this.set(version, key, answer);
    return answer;
  }

  private forget(key: string, answer: Promise<T | null>): void {
    if (this.entries.get(key) === answer) this.entries.delete(key);
  }
}
