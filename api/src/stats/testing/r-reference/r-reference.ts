/**
 * The values R printed for models.R (recorded in models.json, so the specs need no R), and helpers
 * that turn its data sets into the covariate patterns the models take.
 */
import type { CoxPattern } from '../../cox-risk-sets';
import reference from './models.json';

export const R = reference;

/** Largest relative error seen by expectRelative, for the final report of the specs. */
export const relativeErrors: { label: string; error: number }[] = [];

/** |actual − expected| ≤ tolerance · max(|expected|, 1e-300), element by element; nulls must match. */
export function expectRelative(
  label: string,
  actual: readonly (number | null)[] | number | null,
  expected: readonly (number | null)[] | number | null,
  tolerance = 1e-9, // the brief asks for 1e-6; we match to ~1e-12, so a regression shows long before that
): void {
  const a = Array.isArray(actual) ? actual : [actual];
  const e = Array.isArray(expected) ? expected : [expected];
  if (a.length !== e.length) throw new Error(`${label}: ${a.length} values, R has ${e.length}`);
  a.forEach((value, i) => {
    const want = e[i] as number | null;
    if (want === null || value === null) {
      if (want !== value) throw new Error(`${label}[${i}]: got ${value}, R has ${want}`);
      return;
    }
    const error = Math.abs((value as number) - want) / Math.max(Math.abs(want), 1e-300);
    relativeErrors.push({ label: `${label}[${i}]`, error });
    if (!(error <= tolerance)) throw new Error(`${label}[${i}]: got ${value}, R has ${want} (relative error ${error})`);
  });
}

/** Rows with every listed column present (R's na.omit of the model frame). */
export function completeRows<T extends Record<string, (number | string | null)[]>>(
  data: T,
  keys: (keyof T)[],
): number[] {
  const n = data[keys[0]].length;
  return Array.from({ length: n }, (_, i) => i).filter((i) => keys.every((key) => data[key][i] !== null));
}

/** One pattern per row, count 1; `merge` collapses identical (x, time, event) rows into counts. */
export function patterns(
  rows: number[],
  time: (i: number) => number,
  event: (i: number) => boolean,
  x: (i: number) => number[],
): CoxPattern[] {
  return rows.map((i) => ({ time: time(i), event: event(i), count: 1, x: x(i) }));
}

export function merge(rows: CoxPattern[]): CoxPattern[] {
  const byKey = new Map<string, CoxPattern>();
  for (const row of rows) {
    const key = `${row.time}|${row.event}|${row.x.join(',')}`;
    const existing = byKey.get(key);
    if (existing) existing.count += row.count;
    else byKey.set(key, { ...row, x: [...row.x] });
  }
  return [...byKey.values()];
}
