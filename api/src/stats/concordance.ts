/**
 * Harrell's concordance of a risk score with survival, as R's survival::concordance(fit) for a
 * coxph fit: over pairs whose shorter time is an event, concordant when the one with the shorter
 * time has the higher risk score; pairs tied on the score count one half; pairs with both events at
 * the same time are not comparable; an event time tied with a censoring time is comparable (the
 * censored one outlived it). Counts weight the pairs (a pattern with count c is c subjects).
 *
 * O(n log n) over the patterns: a Fenwick tree of counts by score rank for those still at risk.
 */

export interface ScoredObservation {
  time: number;
  event: boolean;
  count: number;
  /** Linear predictor: higher means higher hazard. */
  score: number;
}

export interface ConcordanceResult {
  concordance: number | null;
  concordant: number;
  discordant: number;
  tiedScore: number;
}

class FenwickTree {
  private readonly sums: Float64Array;
  constructor(size: number) {
    this.sums = new Float64Array(size + 1);
  }
  add(index: number, value: number): void {
    for (let i = index + 1; i < this.sums.length; i += i & -i) this.sums[i] += value;
  }
  /** Sum over indices < index. */
  prefix(index: number): number {
    let sum = 0;
    for (let i = index; i > 0; i -= i & -i) sum += this.sums[i];
    return sum;
  }
}

/** The distinct values of `values`, ascending (a native numeric sort, no comparator). */
export function sortedDistinct(values: Float64Array): Float64Array {
  const sorted = new Float64Array(values).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i];
  return sorted.subarray(0, distinct);
}

/** The index of `value` in the ascending `sorted`, which holds it. */
export function bisect(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function concordance(observations: readonly ScoredObservation[]): ConcordanceResult {
  const n = observations.length;
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  const count = new Float64Array(n);
  const score = new Float64Array(n);
  observations.forEach((o, i) => {
    time[i] = o.time;
    event[i] = o.event ? 1 : 0;
    count[i] = o.count;
    score[i] = o.score;
  });
  return concordanceOfColumns(time, event, count, score);
}

/** The same over columns (one entry per observation): no object per observation. */
export function concordanceOfColumns(
  time: Float64Array,
  event: Uint8Array,
  count: Float64Array,
  scores: Float64Array,
): ConcordanceResult {
  const n = time.length;
  // Score ranks (equal scores share one): the distinct scores sorted, each score's rank found by bisection.
  const distinct = sortedDistinct(scores);
  const rank = new Uint32Array(n);
  for (let i = 0; i < n; i++) rank[i] = bisect(distinct, scores[i]);
  const tree = new FenwickTree(distinct.length);
  let total = 0;
  let concordant = 0;
  let discordant = 0;
  let tiedScore = 0;

  // Latest time first (a stable sort: ties keep their order).
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  order.sort((a, b) => time[b] - time[a]);
  let i = 0;
  while (i < n) {
    const at = time[order[i]];
    let end = i;
    while (end < n && time[order[end]] === at) end++;
    // Censored at this time are still at risk for the events at this time.
    for (let k = i; k < end; k++) {
      const o = order[k];
      if (event[o] === 0) {
        tree.add(rank[o], count[o]);
        total += count[o];
      }
    }
    for (let k = i; k < end; k++) {
      const o = order[k];
      if (event[o] === 0) continue;
      const r = rank[o];
      const below = tree.prefix(r);
      const same = tree.prefix(r + 1) - below;
      concordant += count[o] * below;
      tiedScore += count[o] * same;
      discordant += count[o] * (total - below - same);
    }
    for (let k = i; k < end; k++) {
      const o = order[k];
      if (event[o] === 1) {
        tree.add(rank[o], count[o]);
        total += count[o];
      }
    }
    i = end;
  }
  const comparable = concordant + discordant + tiedScore;
  return {
    concordance: comparable === 0 ? null : (concordant + tiedScore / 2) / comparable,
    concordant,
    discordant,
    tiedScore,
  };
}
