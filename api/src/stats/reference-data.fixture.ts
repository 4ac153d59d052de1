/** Published R data sets used by the specs, in R's print notation: "13+" is censored at 13. */
import type { SurvivalObservation } from './kaplan-meier';
import type { GroupedSurvivalObservation } from './log-rank';

export function surv(notation: string): SurvivalObservation[] {
  return notation
    .split(/[\s,]+/)
    .filter((token) => token !== '')
    .map((token) => ({ time: Number(token.replace('+', '')), event: !token.endsWith('+') }));
}

export function grouped(group: string, observations: SurvivalObservation[]): GroupedSurvivalObservation[] {
  return observations.map((o) => ({ ...o, group }));
}

/** survival::aml, x = Maintained / Nonmaintained. */
export const amlMaintained = surv('9 13 13+ 18 23 28+ 31 34 45+ 48 161+');
export const amlNonmaintained = surv('5 5 8 8 12 16+ 23 27 30 33 43 45');

/** survival::ovarian (futime, fustat) by rx, in data set row order. */
const ovarianTimes = surv(
  '59 115 156 421+ 431 448+ 464 475 477+ 563 638 744+ 769+ 770+ 803+ 855+ 1040+ 1106+ 1129+ 1206+ 1227+ 268 329 353 365 377+',
);
const ovarianRx = [1, 1, 1, 2, 1, 1, 2, 2, 1, 2, 1, 2, 2, 2, 1, 1, 1, 1, 2, 2, 2, 1, 1, 2, 2, 2];
export const ovarian: GroupedSurvivalObservation[] = ovarianTimes.map((o, i) => ({
  ...o,
  group: `rx=${ovarianRx[i]}`,
}));

/** The same subjects as weighted observations: one per distinct (group, time, outcome), with its count. */
export function counted<T extends SurvivalObservation & { group?: string }>(observations: T[]): T[] {
  const byKey = new Map<string, T>();
  for (const o of observations) {
    const key = `${o.group ?? ''}|${o.time}|${o.event}`;
    const seen = byKey.get(key);
    if (seen) seen.count = (seen.count ?? 1) + 1;
    else byKey.set(key, { ...o, count: 1 });
  }
  return [...byKey.values()];
}
