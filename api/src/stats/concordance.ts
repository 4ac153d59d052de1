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

export function concordance(observations: readonly ScoredObservation[]): ConcordanceResult {
  const scores = [...new Set(observations.map((o) => o.score))].sort((a, b) => a - b);
  const rankOf = new Map(scores.map((score, rank) => [score, rank]));
  const tree = new FenwickTree(scores.length);
  let total = 0;
  let concordant = 0;
  let discordant = 0;
  let tiedScore = 0;

  const sorted = [...observations].sort((a, b) => b.time - a.time);
  let i = 0;
  while (i < sorted.length) {
    const time = sorted[i].time;
    let end = i;
    while (end < sorted.length && sorted[end].time === time) end++;
    const tied = sorted.slice(i, end);
    // Censored at this time are still at risk for the events at this time.
    for (const o of tied) {
      if (!o.event) {
        tree.add(rankOf.get(o.score)!, o.count);
        total += o.count;
      }
    }
    for (const o of tied) {
      if (!o.event) continue;
      const rank = rankOf.get(o.score)!;
      const below = tree.prefix(rank);
      const same = tree.prefix(rank + 1) - below;
      concordant += o.count * below;
      tiedScore += o.count * same;
      discordant += o.count * (total - below - same);
    }
    for (const o of tied) {
      if (o.event) {
        tree.add(rankOf.get(o.score)!, o.count);
        total += o.count;
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
