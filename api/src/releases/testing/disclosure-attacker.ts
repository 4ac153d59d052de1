/**
 * An attacker of releases, written apart from the protection it attacks: it takes everything a
 * funder can hold (every release of every period and sites it was given, previous-period columns
 * included) and narrows every count it can name to an interval of whole numbers, by:
 *  - what each shown figure says (a rounded count is within half the rounding base of the truth;
 *    a hidden count is at least 1; a zero is exact);
 *  - interval inversion: every (numerator, denominator) consistent with a rate, its interval and
 *    its rounded n;
 *  - subtraction: breakdowns add up to their totals (exactly for sessions, at most for episodes,
 *    which may have no group type), the same population appears in several releases, and
 *    figures about the same episodes bound each other;
 * propagated until nothing narrows. A count from 1 to 10 narrowed to one value is a disclosure.
 */

export interface HeldFigure {
  measure: string;
  unit: string;
  groupType: string | null;
  period: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  n: number | null;
  suppressed: boolean;
}

export interface HeldRelease {
  siteIds: string[] | null;
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  roundingBase: number;
  figures: HeldFigure[];
}

export interface Disclosure {
  cell: string;
  value: number;
}

type Interval = [number, number];
const INF = Number.MAX_SAFE_INTEGER;
const Z = 1.959963984540054;

/** Session figures: every session has a group type, so the cells add up to the total exactly. */
const SESSION_MEASURES = new Set(['sessions_held', 'attendance_rate', 'alliance_flag_rate', 'alliance_mean']);
/** Figures that are not about people counted once (weeks can repeat across group types). */
const NOT_ADDITIVE = new Set(['intensity_met', 'participants_served', 'open_episodes', 'admissions', 'discharges']);

export function attack(releases: readonly HeldRelease[]): Disclosure[] {
  const domains = new Map<string, Interval>();
  const narrow = (key: string, [lo, hi]: Interval): boolean => {
    const [a, b] = domains.get(key) ?? [0, INF];
    const next: Interval = [Math.max(a, lo), Math.min(b, hi)];
    if (next[0] === a && next[1] === b) return false;
    domains.set(key, next);
    return true;
  };
  const sums: { total: string; cells: string[]; exact: boolean }[] = [];
  const atMost: [string, string][] = [];
  const equal: [string, string][] = [];
  const parts: [string, string, string][] = []; // n = k + m

  for (const r of releases) {
    const half = Math.floor(r.roundingBase / 2);
    const scope = r.siteIds?.join(',') ?? '*';
    const periodOf = (f: HeldFigure) => (f.period === 'previous' ? r.previousPeriod : r.period);
    const cell = (f: HeldFigure, part: string, group = f.groupType) =>
      `${scope}|${periodOf(f).from}..${periodOf(f).to}|${f.measure}|${group ?? 'all'}|${part}`;
    for (const f of r.figures) {
      observe(f, half, cell, narrow);
      if (f.unit === 'proportion') parts.push([cell(f, 'n'), cell(f, 'k'), cell(f, 'm')]);
    }
    // Breakdowns and links between figures about the same episodes.
    const byMeasure = new Map<string, HeldFigure[]>();
    for (const f of r.figures)
      byMeasure.set(`${f.period}|${f.measure}`, [...(byMeasure.get(`${f.period}|${f.measure}`) ?? []), f]);
    for (const figures of byMeasure.values()) {
      const f0 = figures[0];
      if (NOT_ADDITIVE.has(f0.measure) || f0.unit === 'survival' || f0.unit === 'days') continue;
      const exact = SESSION_MEASURES.has(f0.measure);
      const total = figures.find((f) => f.groupType === null);
      if (!total) continue;
      const cells = figures.filter((f) => f.groupType !== null);
      for (const part of f0.unit === 'proportion' ? ['n', 'k', 'm'] : f0.unit === 'count' ? ['count'] : ['n'])
        sums.push({ total: cell(total, part), cells: cells.map((c) => cell(c, part)), exact });
    }
    for (const f of r.figures) {
      const episodes = cell({ ...f, measure: 'episodes' }, 'count');
      if (f.measure === 'completion_rate' || f.measure.endsWith('_itt') || f.measure === 'pda_change')
        atMost.push([cell(f, 'n'), episodes]);
      if (f.measure.endsWith('_responders')) {
        const itt = { ...f, measure: f.measure.replace('_responders', '_itt') };
        atMost.push([cell(f, 'n'), cell(itt, 'n')]);
        equal.push([cell(f, 'k'), cell(itt, 'k')]);
      }
      if (f.measure === 'episodes' && f.groupType === null)
        equal.push([cell(f, 'count'), cell({ ...f, measure: 'admissions' }, 'count')]);
    }
  }

  const get = (key: string): Interval => domains.get(key) ?? [0, INF];
  const add = (a: number, b: number) => Math.min(INF, a + b);
  for (let round = 0, changed = true; changed && round < 200; round++) {
    changed = false;
    for (const { total, cells, exact } of sums) {
      const lo = cells.reduce((s, c) => add(s, get(c)[0]), 0);
      const hi = cells.reduce((s, c) => add(s, get(c)[1]), 0);
      changed = narrow(total, [lo, exact ? hi : INF]) || changed;
      const [tLo, tHi] = get(total);
      for (const c of cells) {
        const othersLo = lo - get(c)[0];
        const othersHi = hi >= INF ? INF : hi - get(c)[1];
        changed =
          narrow(c, [exact && othersHi < INF ? Math.max(0, tLo - othersHi) : 0, Math.max(0, tHi - othersLo)]) ||
          changed;
      }
    }
    for (const [a, b] of atMost) changed = narrow(a, [0, get(b)[1]]) || narrow(b, [get(a)[0], INF]) || changed;
    for (const [a, b] of equal) changed = narrow(a, get(b)) || narrow(b, get(a)) || changed;
    for (const [n, k, m] of parts) {
      changed = narrow(n, [add(get(k)[0], get(m)[0]), add(get(k)[1], get(m)[1])]) || changed;
      changed = narrow(k, [Math.max(0, get(n)[0] - get(m)[1]), Math.max(0, get(n)[1] - get(m)[0])]) || changed;
      changed = narrow(m, [Math.max(0, get(n)[0] - get(k)[1]), Math.max(0, get(n)[1] - get(k)[0])]) || changed;
    }
  }
  return [...domains]
    .filter(([, [lo, hi]]) => lo === hi && lo >= 1 && lo <= 10)
    .map(([cell, [value]]) => ({ cell, value }));
}

function observe(
  f: HeldFigure,
  half: number,
  cell: (f: HeldFigure, part: string) => string,
  narrow: (key: string, interval: Interval) => boolean,
): void {
  const rounded = (shown: number): Interval => (shown === 0 ? [0, 0] : [Math.max(11, shown - half), shown + half]);
  if (f.unit === 'count') {
    narrow(cell(f, 'count'), f.suppressed ? [1, INF] : rounded(f.value ?? 0));
    return;
  }
  if (f.suppressed || f.n === null) {
    if (f.unit === 'proportion' || f.unit === 'mean') narrow(cell(f, 'n'), [1, INF]);
    return;
  }
  const n = rounded(f.n);
  if (f.unit !== 'proportion') {
    if (f.unit === 'mean') narrow(cell(f, 'n'), n);
    return;
  }
  if (f.value === null) {
    for (const part of ['n', 'k', 'm']) narrow(cell(f, part), [0, 0]);
    return;
  }
  // Interval inversion: every (k, n) that would have been shown exactly like this.
  const fits: [number, number][] = [];
  for (let nn = n[0]; nn <= n[1]; nn++)
    for (let k = 0; k <= nn; k++) {
      if (!sameShown(k / nn, f.value, half)) continue;
      const [lo, hi] = wilson(k, nn);
      if (f.lower !== null && !sameShown(lo, f.lower, half)) continue;
      if (f.upper !== null && !sameShown(hi, f.upper, half)) continue;
      fits.push([k, nn]);
    }
  if (!fits.length) return; // not computed as this attacker thinks: learn nothing rather than guess
  const ks = fits.map(([k]) => k);
  const ns = fits.map(([, nn]) => nn);
  const ms = fits.map(([k, nn]) => nn - k);
  narrow(cell(f, 'k'), [Math.min(...ks), Math.max(...ks)]);
  narrow(cell(f, 'n'), [Math.min(...ns), Math.max(...ns)]);
  narrow(cell(f, 'm'), [Math.min(...ms), Math.max(...ms)]);
}

/** Whether an exact proportion is shown as `shown`: whole percentages when rounded, else exactly. */
function sameShown(exact: number, shown: number, half: number): boolean {
  return half > 0 ? Math.round(exact * 100) === Math.round(shown * 100) : Math.abs(exact - shown) < 1e-9;
}

function wilson(k: number, n: number): [number, number] {
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const spread = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - spread), Math.min(1, centre + spread)];
}
