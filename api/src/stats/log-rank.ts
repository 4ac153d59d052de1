/**
 * k-sample log-rank test, as R `survdiff(Surv(time, status) ~ group)` with rho = 0.
 */
import { chiSquareUpperTail } from './chi-square';
import { countOf, type SurvivalObservation } from './kaplan-meier';
import { generalizedQuadraticForm } from './symmetric-solve';

export interface GroupedSurvivalObservation extends SurvivalObservation {
  group: string;
}

export interface LogRankGroup {
  group: string;
  n: number;
  observed: number;
  expected: number;
}

export interface LogRankResult {
  chiSquare: number;
  df: number;
  pValue: number;
  /** In order of first appearance in the input. */
  groups: LogRankGroup[];
}

interface GroupTally {
  events: number[];
  leaving: number[]; // events + censored, per group
}

/** Per distinct time, events and departures of each group, ascending by time. */
function tallyByTime(
  observations: readonly GroupedSurvivalObservation[],
  groupIndex: Map<string, number>,
): GroupTally[] {
  const byTime = new Map<number, GroupTally>();
  for (const observation of observations) {
    const { time, event, group } = observation;
    const count = countOf(observation);
    let tally = byTime.get(time);
    if (tally === undefined) {
      tally = {
        events: new Array<number>(groupIndex.size).fill(0),
        leaving: new Array<number>(groupIndex.size).fill(0),
      };
      byTime.set(time, tally);
    }
    const g = groupIndex.get(group)!;
    if (event) tally.events[g] += count;
    tally.leaving[g] += count;
  }
  return [...byTime.entries()].sort(([a], [b]) => a - b).map(([, tally]) => tally);
}

/**
 * Returns null when no test is possible: fewer than two groups, fewer than two groups with anyone at
 * risk at an event time (e.g. no events at all), or zero variance (every event time had n = 1 or d = n,
 * where R's solve() would fail).
 *
 * Statistic: (O - E)' V⁻ (O - E) over the groups with E > 0, one of them dropped, where at each event
 * time V_jk += d (n - d) / (n (n - 1)) · (n_j δ_jk - n_j n_k / n) — the hypergeometric covariance that
 * survdiff uses. df is the rank of that (k-1)×(k-1) matrix: groups with E > 0, minus 1, whenever R's
 * solve() succeeds. That equals "groups with n > 0, minus 1" unless a group was entirely censored before
 * the first event; R drops such a group (E = 0) and so do we.
 */
export function logRank(observations: readonly GroupedSurvivalObservation[]): LogRankResult | null {
  const groupIndex = new Map<string, number>();
  for (const { time, group } of observations) {
    if (!Number.isFinite(time)) throw new RangeError(`observation time must be finite, got ${time}`);
    if (!groupIndex.has(group)) groupIndex.set(group, groupIndex.size);
  }
  const k = groupIndex.size;
  if (k < 2) return null;

  const atRisk = new Array<number>(k).fill(0);
  for (const observation of observations) atRisk[groupIndex.get(observation.group)!] += countOf(observation);
  const n = [...atRisk];
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = Array.from({ length: k }, () => new Array<number>(k).fill(0));

  for (const { events, leaving } of tallyByTime(observations, groupIndex)) {
    const deaths = events.reduce((sum, d) => sum + d, 0);
    const totalAtRisk = atRisk.reduce((sum, r) => sum + r, 0);
    if (deaths > 0) {
      for (let j = 0; j < k; j++) {
        observed[j] += events[j];
        expected[j] += (deaths * atRisk[j]) / totalAtRisk;
      }
      // A single subject at risk carries no variance (survdiff2.c skips it too).
      if (totalAtRisk > 1) {
        const scale = (deaths * (totalAtRisk - deaths)) / (totalAtRisk * (totalAtRisk - 1));
        for (let j = 0; j < k; j++) {
          variance[j][j] += scale * atRisk[j];
          for (let m = 0; m < k; m++) variance[j][m] -= (scale * atRisk[j] * atRisk[m]) / totalAtRisk;
        }
      }
    }
    for (let j = 0; j < k; j++) atRisk[j] -= leaving[j];
  }

  // O - E sums to zero, so one informative group is redundant: drop the first, as survdiff does.
  const informative = expected.flatMap((e, j) => (e > 0 ? [j] : [])).slice(1);
  const { value, rank } = generalizedQuadraticForm(
    informative.map((j) => informative.map((m) => variance[j][m])),
    informative.map((j) => observed[j] - expected[j]),
  );
  if (rank === 0) return null;

  const chiSquare = Math.max(0, value);
  return {
    chiSquare,
    df: rank,
    pValue: chiSquareUpperTail(chiSquare, rank),
    groups: [...groupIndex.keys()].map((group, j) => ({
      group,
      n: n[j],
      observed: observed[j],
      expected: expected[j],
    })),
  };
}
