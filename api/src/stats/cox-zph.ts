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
import { dot, solveSymmetric, submatrix, symmetricSolver, zeros } from './matrix';
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
  // The patterns are latest first: walk them from the end.
  const { time, event, count, rows } = model.sorted;
  let atRisk = 0;
  for (let i = 0; i < rows; i++) atRisk += count[i];
  let survival = 1;
  const transform = new Map<number, number>();
  let i = rows - 1;
  while (i >= 0) {
    const at = time[i];
    let deaths = 0;
    let leaving = 0;
    for (; i >= 0 && time[i] === at; i--) {
      leaving += count[i];
      if (event[i] === 1) deaths += count[i];
    }
    if (deaths > 0) {
      transform.set(at, 1 - survival);
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
  for (const { time, sumMean, sumVariance, deadSum } of eventTimes) {
    const g = transform.get(time)! - meanTransform;
    for (let j = 0; j < p; j++) {
      score[p + j] += g * (deadSum[j] - sumMean[j]);
      for (let k = 0; k < p; k++) {
        information[j][k] += sumVariance[j][k];
        information[j][p + k] += g * sumVariance[j][k];
        information[p + j][k] += g * sumVariance[j][k];
        information[p + j][p + k] += g * g * sumVariance[j][k];
      }
    }
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

/** One event pattern's scaled Schoenfeld residuals, one per term, at its time. */
export interface ScaledResidualPoint {
  time: number;
  /** The Kaplan–Meier transform 1 − S(t−), the x axis of R's plot(cox.zph(fit)). */
  transformedTime: number;
  /** Events sharing this pattern and time (each has the same residuals). */
  count: number;
  /** Per term (model order, terms with a fitted column only): β + the scaled residual. */
  values: number[];
}

/**
 * The scaled Schoenfeld residuals of R's cox.zph(fit)$y: for each event, its Schoenfeld residual
 * x − x̄(t) (x̄ averaged over the Efron steps of a tie) scaled by the inverse of the mean information
 * per event, plus β, so that a flat smooth against time means proportional hazards. A factor's
 * columns are combined into one term through its coefficients (R's terms = TRUE), centred at 1.
 */
export function scaledSchoenfeldResiduals(model: FittedCoxModel): { terms: string[]; points: ScaledResidualPoint[] } {
  const p = model.beta.length;
  const transform = kmTransform(model);
  const { eventTimes, information } = riskSetPass(model.sorted, model.beta, true);
  const totalDeaths = eventTimes.reduce((sum, e) => sum + e.deaths, 0);
  const termIndices = model.terms.flatMap((_, t) => (model.termOfKept.includes(t) ? [t] : []));
  const columnsOf = termIndices.map((t) => model.termOfKept.flatMap((owner, j) => (owner === t ? [j] : [])));
  // T maps columns to terms: 1 for a one-column term, β for each column of a factor.
  const combine = columnsOf.map((columns) =>
    Array.from({ length: p }, (_, j) => (columns.includes(j) ? (columns.length === 1 ? 1 : model.beta[j]) : 0)),
  );
  // R adds β back to a one-column term's residual, and 1 (the factor's own scale) to a factor's.
  const offsets = columnsOf.map((columns) => (columns.length === 1 ? model.beta[columns[0]] : 1));
  // (T' (I / d) T)⁻¹, applied through a solve per residual (factored once).
  const meanInformation = combine.map((a) =>
    combine.map(
      (b) =>
        dot(
          a,
          information.map((row) => dot(row, b)),
        ) / totalDeaths,
    ),
  );

  const solve = symmetricSolver(meanInformation);
  const points: ScaledResidualPoint[] = [];
  const byTime = new Map(eventTimes.map((e) => [e.time, e]));
  const { rows, width, time, event, count, x } = model.sorted;
  for (let i = rows - 1; i >= 0; i--) {
    if (event[i] === 0) continue;
    const { sumMean, deaths } = byTime.get(time[i])!;
    const residual = new Array<number>(p);
    for (let j = 0; j < p; j++) residual[j] = x[i * width + j] - sumMean[j] / deaths;
    const projected = combine.map((weights) => dot(residual, weights));
    const scaled = solve(projected);
    points.push({
      time: time[i],
      transformedTime: transform.get(time[i])!,
      count: count[i],
      values: scaled.map((value, t) => value + offsets[t]),
    });
  }
  return { terms: termIndices.map((t) => model.terms[t].name), points };
}
