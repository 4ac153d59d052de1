import { GroupType, MetricsFilter } from '../filters';
import { OverviewService } from '../overview/overview.service';
import { SobrietyService } from '../sobriety/sobriety.service';
import type { SobrietyFigures } from '../sobriety/sobriety.model';
import type { ApiTestServer } from '../testing/api-test-server';
import { startLoadedDemoApi } from '../testing/loaded-demo-api';
import { queryRows, recordStatements } from '../testing/derived-testing';
import {
  answersFromDerived,
  comparable,
  DERIVED_TABLE,
  liveAndDerived,
  metricQueries,
} from '../testing/live-and-derived';
import { addDays } from './episode-scope';
import { derivedStamp, setDerivedDataEnabled } from './derived-data';
import { DataSource } from 'typeorm';

// The derived tables the loader fills must give the figures of the live SQL, for every query and
// every kind of filter: default periods, periods whose first or last day cuts an ISO week, sites,
// group types, and an earlier as_of (which falls back to the live SQL).

let api: ApiTestServer;
let close: () => Promise<void>;

beforeAll(async () => ({ api, close } = await startLoadedDemoApi({ participants: 160, seed: 7 })), 120_000);
afterAll(() => close?.());

const sql = <T>(text: string) => queryRows<T>(api.db.url, text);

/** The statements a call sends, to tell which tables answered. */
const sent = recordStatements;

describe('derived metric tables', () => {
  it('are stamped by the load with the data’s as_of', async () => {
    const [meta] = await sql<{ as_of: string }>(`SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of FROM derived.meta`);
    expect(meta?.as_of).toBe('2026-10-31');
  });

  it('give the live figures for every query and filter', async () => {
    const asOf = '2026-10-31'; // a Saturday
    const [site] = await sql<{ site_id: string }>(`SELECT site_id FROM site ORDER BY site_id LIMIT 1`);
    const sites = (await sql<{ site_id: string }>(`SELECT site_id FROM site ORDER BY site_id`)).map((s) => s.site_id);
    const filters: MetricsFilter[] = [
      {},
      { from: addDays(asOf, -89), to: asOf },
      { from: addDays(asOf, -364), to: asOf },
      { from: addDays(asOf, -29), to: asOf }, // starts on a Friday: a cut week
      { from: '2026-03-04', to: '2026-06-18' }, // cut weeks at both ends, before as_of
      { from: '2026-05-06', to: '2026-05-08' }, // inside one week
      { from: '2026-06-01', to: '2026-07-31' }, // whole months only: no episode grouped afresh
      { siteIds: [site!.site_id] },
      { siteIds: sites.slice(0, 2), from: addDays(asOf, -29) },
      { groupTypes: [GroupType.process] },
      { groupTypes: [GroupType.skills, GroupType.family], from: addDays(asOf, -89) },
      { siteIds: [site!.site_id], groupTypes: [GroupType.process], from: '2026-04-01', to: '2026-06-30' },
      { asOf: '2026-08-15' }, // not the derived as_of: live both ways
    ];
    const stamp = (await derivedStamp(api.server.app.get(DataSource)))!;
    for (const filter of filters) {
      for (const [name, run] of metricQueries(api.server.app)) {
        const { live, derived, usedDerived } = await liveAndDerived(run, filter);
        expect({ name, filter, result: derived }).toEqual({ name, filter, result: live });
        const expected = answersFromDerived(name, filter, stamp);
        expect({ name, filter, usedDerived }).toEqual({ name, filter, usedDerived: expected });
      }
    }
  }, 120_000);

  it('give the per-group attendance over HTTP when asked for it, and skip it when not', async () => {
    const query = (fields: string) =>
      `{ attendance(filter: { from: "2026-08-01" }) { total { scheduled } ${fields} } }`;
    type Answer = { attendance: { total: { scheduled: number }; byGroup?: unknown[] } };
    const asked = await sent(() => api.graphql<Answer>(query('byGroup { groupId figures { scheduled attended } }')));
    const groups = (asked.result as { data: Answer }).data.attendance.byGroup!;
    setDerivedDataEnabled(false);
    const live = await api.graphql<Answer>(query('byGroup { groupId figures { scheduled attended } }'));
    setDerivedDataEnabled(true);
    expect(groups.length).toBeGreaterThan(3);
    expect(groups).toEqual(live.data!.attendance.byGroup);

    const notAsked = await sent(() => api.graphql<Answer>(query('')));
    expect(notAsked.statements.some((s) => s.includes('derived.session_group_week'))).toBe(false);
    expect(asked.statements.some((s) => s.includes('derived.session_group_week'))).toBe(true);
  });

  it('count participants served from the day rows as the live count does, whatever day a period starts', async () => {
    const overview = api.server.app.get(OverviewService);
    const asOf = '2026-10-31';
    const [{ first }] = await sql<{ first: string }>(
      `SELECT to_char(min(admission_date), 'YYYY-MM-DD') AS first FROM enrollment`,
    );
    const served = async (filter: MetricsFilter, derived: boolean) => {
      setDerivedDataEnabled(derived);
      try {
        return (await overview.overview(filter)).participantsServed;
      } finally {
        setDerivedDataEnabled(true);
      }
    };
    let readmissionsCounted = 0;
    for (let from = first!; from <= asOf; from = addDays(from, 11)) {
      for (const days of [1, 9, 45]) {
        const to = addDays(from, days - 1) < asOf ? addDays(from, days - 1) : asOf;
        const filter = { from, to };
        expect({ filter, served: await served(filter, true) }).toEqual({ filter, served: await served(filter, false) });
        const [{ n }] = await sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM derived.episode_readmission
           WHERE admission_date BETWEEN '${from}' AND '${to}' AND previous_window_end >= '${from}'`,
        );
        readmissionsCounted += n;
      }
    }
    // The periods include some whose readmitted participants had been served by their previous episode.
    expect(readmissionsCounted).toBeGreaterThan(0);
    // Periods that start on the last day of a readmitted participant's previous episode: counted once.
    const edges = await sql<{ from: string; to: string }>(
      `SELECT to_char(previous_window_end, 'YYYY-MM-DD') AS from, to_char(admission_date + 3, 'YYYY-MM-DD') AS to
       FROM derived.episode_readmission WHERE admission_date + 3 <= '${asOf}' ORDER BY admission_date LIMIT 5`,
    );
    expect(edges.length).toBeGreaterThan(0);
    for (const filter of edges) {
      expect({ filter, served: await served(filter, true) }).toEqual({ filter, served: await served(filter, false) });
    }
  });

  it('give the funder report its sobriety figures without the craving trend, which they skip reading', async () => {
    const sobriety = api.server.app.get(SobrietyService);
    const filter = { from: addDays('2026-10-31', -89) };
    const full = await recordStatements(() => sobriety.sobriety(filter));
    const lean = await recordStatements(() => sobriety.sobriety(filter, { cravingTrend: false }));
    const noTrend = (f: SobrietyFigures) => ({ ...f, cravingTrend: [] });
    expect(full.result.total.cravingTrend).toHaveLength(13);
    expect(full.result.total.cravingTrend.some((w) => w.checkIns > 0)).toBe(true);
    // The same sums, though a plan without the craving rows may add them in another order.
    expect(comparable(lean.result)).toEqual(
      comparable({
        ...full.result,
        total: noTrend(full.result.total),
        byGroupType: full.result.byGroupType.map(noTrend),
      }),
    );
    expect(lean.statements.some((s) => DERIVED_TABLE.test(s))).toBe(true);
  });

  it('hold every session of a day, site and group type in its day row (cut weeks are read from them)', async () => {
    const dayRows = `SELECT to_char(session_date, 'YYYY-MM-DD') AS day, site_id, group_type, sessions
      FROM derived.session_type_day ORDER BY 1, 2, 3`;
    const liveDays = `SELECT to_char(s.session_date, 'YYYY-MM-DD') AS day, g.site_id, g.group_type, count(*)::int AS sessions
      FROM group_session s JOIN therapy_group g USING (group_id)
      WHERE s.session_date <= '2026-10-31' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
    const days = await sql<{ sessions: number }>(dayRows);
    expect(days.length).toBeGreaterThan(100);
    expect(days).toEqual(await sql(liveDays));
  });

  it('stop answering once rows change outside the loader', async () => {
    await sql(`UPDATE enrollment SET baseline_days_used = baseline_days_used WHERE false`);
    expect(await sql(`SELECT * FROM derived.meta`)).toEqual([]);
  });
});
