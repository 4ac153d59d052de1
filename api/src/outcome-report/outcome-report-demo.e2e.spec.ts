import type { ApiSession, ApiTestServer } from '../testing/api-test-server';
import { startLoadedDemoApi } from '../testing/loaded-demo-api';

// Suppression on the demo program, as a quality user is served it: for several periods and site sets,
// nothing from 1 to 10 is shown, and no additive breakdown leaves a hidden cell recoverable.

interface Figure {
  measure: string;
  unit: string;
  groupType: string | null;
  period: string;
  value: number | null;
  n: number | null;
  suppressed: boolean;
}

const REPORT = `query ($filter: MetricsFilter) { outcomeReport(filter: $filter) {
  figures { measure unit groupType period value n suppressed }
  survivalCurves { groupType points { atRisk } }
} }`;

let api: ApiTestServer;
let quality: ApiSession;

let close: () => Promise<void>;

beforeAll(async () => {
  ({ api, close } = await startLoadedDemoApi({ participants: 400, seed: 11 }));
  quality = await api.signIn('quality');
}, 120_000);
afterAll(() => close?.());

const FILTERS = [
  { from: '2026-07-01', to: '2026-09-30' },
  { from: '2026-01-01', to: '2026-03-31' },
  { from: '2025-11-01', to: '2026-10-31' },
  { from: '2026-04-01', to: '2026-06-30', siteIds: ['S01'] },
];

describe.each(FILTERS)('the outcome report for %j', (filter) => {
  let figures: Figure[];
  let curves: { groupType: string | null; points: { atRisk: number }[] }[];

  beforeAll(async () => {
    const { data, errors } = await quality.graphql<{
      outcomeReport: { figures: Figure[]; survivalCurves: typeof curves };
    }>(REPORT, { filter });
    expect(errors).toBeUndefined();
    figures = data!.outcomeReport.figures;
    curves = data!.outcomeReport.survivalCurves;
  });

  it('shows no count, denominator or at-risk figure from 1 to 10, and hides what it suppresses', () => {
    expect(figures.filter((f) => !f.suppressed && (f.n ?? 0) >= 11).length).toBeGreaterThan(20); // real data
    expect(figures.filter((f) => !f.suppressed && f.n !== null && f.n >= 1 && f.n <= 10)).toEqual([]);
    expect(figures.filter((f) => f.suppressed && (f.value !== null || f.n !== null))).toEqual([]);
    expect(curves.flatMap((c) => c.points).filter((p) => p.atRisk < 11)).toEqual([]);
  });

  it('leaves no hidden count recoverable from the shown cells and the total', () => {
    const additive = figures.filter((f) => ['count', 'proportion', 'mean'].includes(f.unit));
    const recoverable = [...new Set(additive.map((f) => `${f.measure}|${f.period}`))].filter((key) => {
      const cells = additive.filter((f) => `${f.measure}|${f.period}` === key);
      const total = cells.find((f) => f.groupType === null);
      const hidden = cells.filter((f) => f.groupType !== null && f.suppressed);
      return total && !total.suppressed && hidden.length === 1;
    });
    expect(recoverable).toEqual([]);
  });

  it('draws no curve for a group type whose episode count is hidden', () => {
    const hidden = figures
      .filter((f) => f.measure === 'episodes' && f.period === 'current' && f.suppressed)
      .map((f) => f.groupType);
    expect(curves.filter((c) => hidden.includes(c.groupType) && c.points.length > 0)).toEqual([]);
  });
});
