/**
 * Direct-adjusted survival curves (METRICS.md, "Adjusted retention curves"): for each group type g,
 * the mean over all modelled episodes e of S₀(t)^exp(x_e·β with the group type set to g), i.e. the
 * curve the program's whole case mix would have had in group type g. As R's
 * `rowMeans(survfit(fit, newdata = everyone with group set to g)$surv)`: the baseline hazard is the
 * Efron-type estimate survfit.coxph uses for an Efron fit, S = exp(−H).
 */
import type { FittedCoxModel } from './cox-model';
import { bisect, sortedDistinct } from './concordance';
import { exponentialMixture } from './exponential-mixture';
import { riskSetPass } from './cox-risk-sets';
import { flattenTerms } from './model-terms';

export interface AdjustedCurvePoint {
  time: number;
  survival: number;
}

export interface AdjustedCurve {
  group: string;
  points: AdjustedCurvePoint[];
}

/**
 * @param groupTerm the factor's term name
 * @param levels each group's column in that term (null for the reference level)
 * @returns one curve per level whose column is in the fit (an aliased level has no curve)
 */
export function adjustedCurves(
  model: FittedCoxModel,
  groupTerm: string,
  levels: readonly { group: string; column: string | null }[],
): AdjustedCurve[] {
  const { columns } = flattenTerms(model.terms);
  const keptNames = model.keptColumns.map((j) => columns[j]);
  const termIndex = model.terms.findIndex((term) => term.name === groupTerm);
  if (termIndex < 0) throw new RangeError(`no term ${groupTerm}`);
  const groupKept = model.termOfKept.flatMap((t, k) => (t === termIndex ? [k] : []));

  // Baseline cumulative hazard at the centered means: Efron steps, one unit per tied event.
  const { eventTimes } = riskSetPass(model.sorted, model.beta, true);
  const times = eventTimes.map(({ time }) => time);
  const cumulativeHazard = new Float64Array(eventTimes.length);
  let cumulative = 0;
  eventTimes.forEach(({ hazard }, t) => (cumulativeHazard[t] = cumulative += hazard));
  const { rows, width, x, count } = model.sorted;
  let total = 0;
  for (let i = 0; i < rows; i++) total += count[i];

  // Episodes by the part of x·β that is not the group type's: the same covariates give the same
  // part, so the mean over episodes is a mean over a few distinct parts (patterns repeat across
  // times) with their counts, shared by every group type.
  const isGroup = model.beta.map((_, k) => groupKept.includes(k));
  const others = model.beta.flatMap((_, k) => (isGroup[k] ? [] : [k]));
  const otherPart = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let eta = 0;
    for (const k of others) eta += x[i * width + k] * model.beta[k];
    otherPart[i] = eta;
  }
  const parts = sortedDistinct(otherPart);
  const distinct = parts.length;
  const counts = new Float64Array(distinct);
  for (let i = 0; i < rows; i++) counts[bisect(parts, otherPart[i])] += count[i];

  return levels.flatMap(({ group, column }) => {
    const columnIndex = column === null ? -1 : keptNames.indexOf(column);
    if (column !== null && columnIndex < 0) return [];
    let groupPart = 0;
    for (let k = 0; k < model.beta.length; k++) {
      if (isGroup[k]) groupPart += ((k === columnIndex ? 1 : 0) - model.means[k]) * model.beta[k];
    }
    // S₀(t)^r = exp(−H(t)·r) averaged over the episodes' risks r = exp(group part + other part).
    const risks = parts.map((part) => Math.exp(groupPart + part));
    const mean = exponentialMixture(risks, counts, cumulativeHazard[cumulativeHazard.length - 1] ?? 0);
    const points = times.map((time, t) => ({ time, survival: mean.at(cumulativeHazard[t]) / total }));
    return [{ group, points }];
  });
}
