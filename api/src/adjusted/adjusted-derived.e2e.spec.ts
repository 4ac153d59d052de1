import { addDays, setDerivedDataEnabled } from '../episodes';
import { GroupType, MetricsFilter } from '../filters';
import type { ApiTestServer } from '../testing/api-test-server';
import { queryRows, recordStatements } from '../testing/derived-testing';
import { startLoadedDemoApi } from '../testing/loaded-demo-api';
import { AdjustedOutcome } from './adjusted.model';
import { AdjustedComparisonService } from './adjusted.service';
import { FunnelMeasure } from './group-funnel.model';
import { GroupFunnelService } from './group-funnel.service';

// The adjusted comparison and the funnel plot read the table the load fills (derived.episode_covariate)
// and must answer as the live SQL over the source rows does, for every kind of filter; an as_of
// other than the data's falls back to the live SQL.

let api: ApiTestServer;
let close: () => Promise<void>;

beforeAll(async () => ({ api, close } = await startLoadedDemoApi({ participants: 160, seed: 7 })), 120_000);
afterAll(() => close?.());

/** Sums may add in another order (the cells come in another order): compare to 10 significant digits. */
function comparable(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(10));
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  return value;
}

const QUERIES: [string, (f: MetricsFilter) => Promise<unknown>][] = [
  [
    'dropout',
    (f) => api.server.app.get(AdjustedComparisonService).adjustedComparison(f, null, AdjustedOutcome.dropout),
  ],
  [
    'dropout, skills the reference',
    (f) =>
      api.server.app.get(AdjustedComparisonService).adjustedComparison(f, GroupType.skills, AdjustedOutcome.dropout),
  ],
  [
    'completion',
    (f) => api.server.app.get(AdjustedComparisonService).adjustedComparison(f, null, AdjustedOutcome.completion),
  ],
  ...Object.values(FunnelMeasure).map((measure): [string, (f: MetricsFilter) => Promise<unknown>] => [
    `funnel ${measure}`,
    (f) => api.server.app.get(GroupFunnelService).groupFunnel(f, measure),
  ]),
];

const DERIVED_TABLE = /\b(derived.episode_covariate|derived.group_day_total)\b/;

it('the derived tables give the live answers for every filter', async () => {
  const asOf = '2026-10-31';
  const sites = (await queryRows<{ site_id: string }>(api.db.url, `SELECT site_id FROM site ORDER BY site_id`)).map(
    (s) => s.site_id,
  );
  const filters: MetricsFilter[] = [
    {},
    { from: addDays(asOf, -89), to: asOf },
    { from: addDays(asOf, -364), to: asOf },
    { from: '2026-03-04', to: '2026-06-18' },
    { siteIds: [sites[0]!] },
    { siteIds: sites.slice(0, 2), from: addDays(asOf, -364) },
    { groupTypes: [GroupType.process, GroupType.skills] },
    { siteIds: [sites[0]!], groupTypes: [GroupType.process, GroupType.family], from: '2026-01-01', to: '2026-06-30' },
    { asOf: '2026-08-15' }, // not the derived as_of: live both ways
  ];
  let compared = 0;
  for (const filter of filters) {
    for (const [name, run] of QUERIES) {
      setDerivedDataEnabled(false);
      const live = await recordStatements(() => run(filter));
      setDerivedDataEnabled(true);
      const derived = await recordStatements(() => run(filter));
      expect(live.statements.some((s) => DERIVED_TABLE.test(s))).toBe(false);
      expect({ name, filter, usedDerived: derived.statements.some((s) => DERIVED_TABLE.test(s)) }).toEqual({
        name,
        filter,
        usedDerived: filter.asOf === undefined,
      });
      expect({ name, filter, result: comparable(derived.result) }).toEqual({
        name,
        filter,
        result: comparable(live.result),
      });
      compared++;
    }
  }
  expect(compared).toBe(filters.length * QUERIES.length);
}, 300_000);

it('the answers are not empty: the comparison above compares figures', async () => {
  const dropout = (await api.server.app
    .get(AdjustedComparisonService)
    .adjustedComparison({}, null, AdjustedOutcome.dropout)) as { dropout: { groupTypes: unknown[] } | null };
  expect(dropout.dropout?.groupTypes.length).toBeGreaterThan(0);
  const funnel = await api.server.app.get(GroupFunnelService).groupFunnel({}, FunnelMeasure.retention90);
  expect(funnel.groups.length).toBeGreaterThan(3);
});
