/**
 * Test of proportional hazards, as R's default `cox.zph(fit)` (survival ≥ 3: transform = "km",
 * terms = TRUE, global = TRUE).
 *
 * It is the score test, at the fitted β, for adding the time-varying terms x·g(t), where g is the
 * Kaplan–Meier transform of time (1 − S(t−), left-continuous, centered at its mean over the events).
 * Its score for each column is Σ over events of g(t) × the Schoenfeld residual (x − x̄(t)); the
 * scaled Schoenfeld residuals that cox.zph plots are these residuals standardized, so the test is
 * their correlation with g(t). Per term: the columns of that term (a factor's columns together);
 * global: all columns. Efron's ties as in the fit (shared risk-set pass).
 */
import type { FittedCoxModel } from './cox-model';
import { riskSetPass } from './cox-risk-sets';
import { dot, solveSymmetric, submatrix, zeros } from './matrix';
import { chiSquareTest, type ChiSquareTest } from './normal';

export interface ProportionalHazardsTest extends ChiSquareTest {
  /** The term's name, or "GLOBAL". */
  term: string;
}

export interface ProportionalHazardsCheck {
  terms: ProportionalHazardsTest[];
  global: ProportionalHazardsTest;
}

/** 1 − S(t−) at each event time (the Kaplan–Meier transform), S from all modelled episodes. */
function kmTransform(model: FittedCoxModel): Map<number, number> {
  const ascending = [...model.sorted].reverse();
  let atRisk = ascending.reduce((sum, p) => sum + p.count, 0);
  let survival = 1;
  const transform = new Map<number, number>();
  let i = 0;
  while (i < ascending.length) {
    const time = ascending[i].time;
    let deaths = 0;
    let leaving = 0;
    for (; i < ascending.length && ascending[i].time === time; i++) {
      leaving += ascending[i].count;
      if (ascending[i].event) deaths += ascending[i].count;
    }
    if (deaths > 0) {
      transform.set(time, 1 - survival);
      survival *= 1 - deaths / atRisk;
    }
    atRisk -= leaving;
  }
  return transform;
}

export function coxZph(model: FittedCoxModel): ProportionalHazardsCheck | null {
  const p = model.beta.length;
  if (p === 0) return null;
  const transform = kmTransform(model);
  const { eventTimes } = riskSetPass(model.sorted, model.beta, true);
  const totalDeaths = eventTimes.reduce((sum, e) => sum + e.deaths, 0);
  const meanTransform = eventTimes.reduce((sum, e) => sum + e.deaths * transform.get(e.time)!, 0) / totalDeaths;

  // Score and information of (β, γ) at (β̂, 0): a 2p-vector and a 2p × 2p matrix.
  const score = new Array<number>(2 * p).fill(0);
  const information = zeros(2 * p);
  for (const { time, steps, deadSum } of eventTimes) {
    const g = transform.get(time)! - meanTransform;
    for (const { mean, variance } of steps) {
      for (let j = 0; j < p; j++) {
        score[p + j] -= g * mean[j];
        for (let k = 0; k < p; k++) {
          information[j][k] += variance[j][k];
          information[j][p + k] += g * variance[j][k];
          information[p + j][k] += g * variance[j][k];
          information[p + j][p + k] += g * g * variance[j][k];
        }
      }
    }
    for (let j = 0; j < p; j++) score[p + j] += g * deadSum[j];
  }

  // R sets the β part of the score to 0 (β̂ solves it) and tests γ with β free.
  const betaPart = Array.from({ length: p }, (_, j) => j);
  const testOf = (gammaColumns: number[], term: string): ProportionalHazardsTest => {
    const indices = [...betaPart, ...gammaColumns.map((j) => p + j)];
    const u = indices.map((i) => (i < p ? 0 : score[i]));
    const statistic = dot(u, solveSymmetric(submatrix(information, indices), u));
    return { term, ...chiSquareTest(statistic, gammaColumns.length) };
  };
  const terms = model.terms.flatMap((term, t) => {
    const columns = model.termOfKept.flatMap((owner, j) => (owner === t ? [j] : []));
    return columns.length === 0 ? [] : [testOf(columns, term.name)];
  });
  return { terms, global: testOf(betaPart, 'GLOBAL') };
}
