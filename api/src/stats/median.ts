/**
 * The median of values given with their counts, as Postgres' percentile_cont(0.5): the middle
 * value, or the mean of the two middle values; null when there are none.
 */
export function medianOfCounts(counts: readonly { value: number; n: number }[]): number | null {
  const sorted = counts.filter((c) => c.n > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, c) => s + c.n, 0);
  if (total === 0) return null;
  // 0-based ranks of the two middle values (the same one when the total is odd).
  const [low, high] = [Math.floor((total - 1) / 2), Math.ceil((total - 1) / 2)];
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const c of sorted) {
      seen += c.n;
      if (rank < seen) return c.value;
    }
    throw new RangeError(`rank ${rank} past ${total} values`);
  };
  return (valueAt(low) + valueAt(high)) / 2;
}
