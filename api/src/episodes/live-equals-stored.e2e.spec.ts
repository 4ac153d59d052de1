import { createRng, type Rng } from '@iop/etl';
import { DataSource } from 'typeorm';
import { ComparisonKind, GROUP_TYPES, MetricsFilter } from '../filters';
import type { ApiTestServer } from '../testing/api-test-server';
import { queryRows } from '../testing/derived-testing';
import { answersFromDerived, liveAndDerived, metricQueries } from '../testing/live-and-derived';
import { startLoadedDemoApi } from '../testing/loaded-demo-api';
import type { DerivedStamp } from '@iop/metrics';
import { derivedStamp } from './derived-data';
import { addDays, daysBetween } from './episode-scope';

// Issue #17: the derived tables give the live figures for any filter, not only the hand-picked ones
// of derived-data.e2e.spec.ts. Random filters over a demo program: periods anywhere in the data
// (cutting ISO weeks and months, single days, ending before as_of or open at either end), site and
// group-type subsets, a comparison kind, and sometimes an earlier as_of, which the live SQL answers
// both ways. The same seed every run, so that the suite gives the same answer twice;
// `LIVE_EQUALS_STORED_SEED=<n>` draws other filters (`random`: a new seed), and a failure names the
// seed and the filter to replay it.

const FILTERS = 40;
const SEED_ENV = process.env['LIVE_EQUALS_STORED_SEED'];
const SEED = SEED_ENV === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(SEED_ENV ?? 20261207);

let api: ApiTestServer;
let close: () => Promise<void>;

// Another program than derived-data.e2e.spec.ts loads, and larger: more cells that can disagree.
beforeAll(async () => ({ api, close } = await startLoadedDemoApi({ participants: 240, seed: 17 })), 120_000);
afterAll(() => close?.());

interface DemoSpan {
  /** The first admission or session of the data. */
  first: string;
  stamp: DerivedStamp;
  sites: string[];
}

/** One random filter over `span`; every part of it optional, as the dashboard may send it. */
function randomFilter(rng: Rng, { first, stamp, sites }: DemoSpan): MetricsFilter {
  const last = stamp.asOf;
  // Mostly inside the data; a few days either side as well.
  const day = () => addDays(first, rng.int(-10, daysBetween(first, last) + 10));
  const filter: MetricsFilter = {};

  const [a, b] = [day(), day()].sort();
  const period = rng.pick(['two days', 'single day', 'short', 'whole months', 'from only', 'to only', 'none']);
  if (period === 'two days') Object.assign(filter, { from: a, to: b });
  if (period === 'single day') Object.assign(filter, { from: a, to: a });
  if (period === 'short') Object.assign(filter, { from: a, to: addDays(a, rng.int(1, 20)) });
  if (period === 'whole months') Object.assign(filter, { from: monthStart(a), to: monthEnd(b) });
  if (period === 'from only') filter.from = a;
  if (period === 'to only') filter.to = b;

  const siteChoice = rng.pick(['absent', 'all listed', 'one', 'some']);
  if (siteChoice === 'all listed') filter.siteIds = [...sites];
  if (siteChoice === 'one') filter.siteIds = [rng.pick(sites)];
  if (siteChoice === 'some') filter.siteIds = subset(rng, sites, rng.int(1, sites.length));

  if (rng.chance(0.75)) filter.groupTypes = subset(rng, GROUP_TYPES, rng.int(1, GROUP_TYPES.length));
  if (rng.chance(0.4)) filter.comparison = rng.pick(Object.values(ComparisonKind));
  // An earlier as_of is answered live; the stamp's own date, given, by the derived tables.
  if (rng.chance(0.2)) filter.asOf = addDays(first, rng.int(30, daysBetween(first, last) - 1));
  else if (rng.chance(0.05)) filter.asOf = last;
  // A `from` after as_of with no `to`: the outcome report refuses it (it sends its sub-queries
  // as_of as `to`, before `from`), the live and derived paths alike. Such a period gets an end.
  const asOf = filter.asOf ?? last;
  if (filter.from && !filter.to && filter.from > asOf) filter.to = addDays(filter.from, rng.int(0, 20));
  return filter;
}

/** `count` distinct items of `items` in a random order. */
function subset<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  return Array.from({ length: count }, () => pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
}

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const monthEnd = (day: string) => addDays(monthStart(addDays(monthStart(day), 31)), -1);

describe('live and derived figures for random filters', () => {
  it(`agree for every query (seed ${SEED})`, async () => {
    const stamp = await derivedStamp(api.server.app.get(DataSource));
    if (!stamp) throw new Error('the load left no derived tables');
    const [{ first }] = await queryRows<{ first: string }>(
      api.db.url,
      `SELECT to_char(least((SELECT min(admission_date) FROM enrollment), (SELECT min(session_date) FROM group_session)),
        'YYYY-MM-DD') AS first`,
    );
    const sites = (await queryRows<{ site_id: string }>(api.db.url, `SELECT site_id FROM site ORDER BY 1`)).map(
      (s) => s.site_id,
    );
    expect(sites.length).toBeGreaterThan(2);

    const rng = createRng(SEED);
    const queries = metricQueries(api.server.app);
    let derivedAnswers = 0;
    for (let i = 0; i < FILTERS; i++) {
      const filter = randomFilter(rng, { first: first!, stamp, sites });
      for (const [name, run] of queries) {
        const { live, derived, usedDerived } = await liveAndDerived(run, filter).catch((error: Error) => {
          throw new Error(`seed ${SEED}, ${name}, filter ${JSON.stringify(filter)}: ${error.message}`);
        });
        const expected = answersFromDerived(name, filter, stamp);
        expect({ seed: SEED, filter, name, usedDerived, result: derived }).toEqual({
          seed: SEED,
          filter,
          name,
          usedDerived: expected,
          result: live,
        });
        if (usedDerived) derivedAnswers++;
      }
    }
    // Most answers came from the derived tables: the comparison was not live against live.
    expect(derivedAnswers).toBeGreaterThan((FILTERS * queries.length) / 2);
  }, 120_000);
});
