import { Client } from 'pg';
import { loadConfig } from '@iop/db';
import { OutcomeReportService } from '../outcome-report/outcome-report.service';
import type { ApiSession, ApiTestServer } from '../testing/api-test-server';
import { startApiTestServer } from '../testing/api-test-server';
import { startLoadedDemoApi } from '../testing/loaded-demo-api';
import { buildReleaseContent } from './release-content';
import { calendarPeriod, CalendarPeriod, previousPeriod } from './release-period';
import { attack, HeldRelease } from './testing/disclosure-attacker';
import { everythingReadable, publishRelease, ReleaseRead } from './testing/release-client';

// The disclosure audit: everything the funders can obtain, attacked together (releases of several
// periods and sites, their previous-period columns, CSVs and self-describing files), must not pin
// down any count from 1 to 10. It is run on the demo program and on adversarial fixtures, and once
// with the protection switched off, to show that it can fail.

const THRESHOLD = loadConfig().suppressionThreshold;

/** Publishes each release, then reads back everything the funders of those sites can hold. */
async function publishAndCollect(
  api: ApiTestServer,
  director: ApiSession,
  plan: [kind: string, from: string, sites: string[] | null][],
): Promise<ReleaseRead[]> {
  for (const [kind, from, sites] of plan) await publishRelease(director, kind, from, sites);
  const scopes = [...new Set(plan.map(([, , sites]) => JSON.stringify(sites)))].map((s) => JSON.parse(s));
  const held: ReleaseRead[] = [];
  for (const sites of scopes) {
    const funder = await api.signIn('funder', sites);
    const { releases, files } = await everythingReadable(funder);
    held.push(...releases);
    // The self-describing files hold the same figures as the query: the attacker gains nothing
    // from them that the list did not give (if they differed, it would hold both).
    for (const r of releases) expect(JSON.parse(files[`${r.releaseId}.json`]).figures).toEqual(r.figures);
  }
  return held;
}

/** The same releases with only primary suppression: exact figures, no rounding, no complements. */
async function unprotected(api: ApiTestServer, held: ReleaseRead[]): Promise<HeldRelease[]> {
  const reports = api.server.app.get(OutcomeReportService);
  return Promise.all(
    held.map(async (r) => {
      const period = calendarPeriod(
        (r as unknown as { period: CalendarPeriod }).period.kind,
        r.period.from,
      ) as CalendarPeriod;
      const asOf = (r as unknown as { asOf: string }).asOf;
      const exact = await reports.exactPeriod({ from: period.from, to: period.to, siteIds: r.siteIds, asOf });
      return buildReleaseContent({
        period,
        previousPeriod: previousPeriod(period),
        previous: null,
        siteIds: r.siteIds,
        asOf,
        dataLoadedAt: null,
        exact,
        rules: { threshold: THRESHOLD, coarsen: false, complementary: false },
      });
    }),
  );
}

describe('on the demo program', () => {
  let api: ApiTestServer;
  let close: () => Promise<void>;
  let held: ReleaseRead[];

  beforeAll(async () => {
    ({ api, close } = await startLoadedDemoApi({ participants: 400, seed: 11 }));
    const director = await api.signIn('director');
    held = await publishAndCollect(api, director, [
      ['quarter', '2026-01-01', ['S01']],
      ['quarter', '2026-04-01', ['S01']],
      ['quarter', '2026-07-01', ['S01']],
      ['month', '2026-04-01', ['S02']],
      ['month', '2026-05-01', ['S02']],
      ['month', '2026-06-01', ['S02']],
      ['half', '2026-01-01', ['S03']],
      ['year', '2025-01-01', null],
    ]);
    // A correction: two versions of one release held side by side.
    await publishRelease(director, 'month', '2026-06-01', ['S02'], 'Re-issued');
    const again = await everythingReadable(await api.signIn('funder', ['S02']));
    held.push(
      ...again.releases.filter(
        (r) => !held.some((h) => (h as unknown as { releaseId: number }).releaseId === r.releaseId),
      ),
    );
  }, 300_000);
  afterAll(() => close?.());

  it('holds real figures, some of them hidden', () => {
    const figures = held.flatMap((r) => r.figures);
    expect(held.length).toBe(9);
    expect(figures.filter((f) => f.suppressed).length).toBeGreaterThan(20);
    expect(figures.filter((f) => !f.suppressed && (f.n ?? 0) >= 11).length).toBeGreaterThan(100);
  });

  it('pins down no count from 1 to 10', () => {
    expect(attack(held)).toEqual([]);
  });

  it('pins some down when the protection is switched off (so the audit can fail)', async () => {
    expect(attack(await unprotected(api, held)).length).toBeGreaterThan(0);
  });
});

// Site S1: 30 process episodes, 1 skills, 12 family and 11 trauma-informed admitted in January 2025
// (a cell of 1 beside cells of 11 and 12), 10 psychoeducation in February (a cell of 10 alone);
// site S2: 3 episodes only, over the quarter.
function adversarialFixture(): string {
  const rows: string[] = [
    `INSERT INTO site VALUES ('S1', 'North'), ('S2', 'Tiny')`,
    `INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
       ('GP', 'S1', 'process', 'Process'), ('GS', 'S1', 'skills', 'Skills'), ('GF', 'S1', 'family', 'Family'),
       ('GE', 'S1', 'psychoeducation', 'Psychoeducation'), ('GT', 'S1', 'trauma_informed', 'Trauma'),
       ('G2', 'S2', 'process', 'Process S2')`,
  ];
  const cohorts: [prefix: string, count: number, group: string, site: string, months: number[]][] = [
    ['P', 30, 'GP', 'S1', [1]],
    ['S', 1, 'GS', 'S1', [1]],
    ['F', 12, 'GF', 'S1', [1]],
    ['T', 11, 'GT', 'S1', [1]],
    ['E', 10, 'GE', 'S1', [2]],
    ['Z', 3, 'G2', 'S2', [1, 2, 3]],
  ];
  for (const [prefix, count, group, site, months] of cohorts) {
    for (let i = 0; i < count; i++) {
      const id = `${prefix}${i}`;
      const month = months[i % months.length];
      const admitted = `2025-0${month}-0${1 + (i % 7)}`;
      const session = `X${group}${month}`;
      rows.push(
        `INSERT INTO group_session (session_id, group_id, session_date, duration_minutes)
           VALUES ('${session}', '${group}', '2025-0${month}-10', 90) ON CONFLICT DO NOTHING`,
        `INSERT INTO participant (participant_id) VALUES ('${id}')`,
        `INSERT INTO enrollment VALUES ('E${id}', '${id}', '${site}', '${admitted}', '2025-05-30',
           '${i % 4 === 0 ? 'dropped_out' : 'completed'}', NULL, ${i % 9})`,
        `INSERT INTO attendance VALUES ('${session}', '${id}', '${i % 5 === 0 ? 'absent' : 'present'}', 90)`,
        `INSERT INTO sobriety_checkin VALUES ('${id}', DATE '${admitted}' + 30, ${i % 3}, 30, NULL, NULL)`,
      );
    }
  }
  return rows.join(';\n');
}

describe('on adversarial fixtures', () => {
  let api: ApiTestServer;
  let held: ReleaseRead[];

  beforeAll(async () => {
    api = await startApiTestServer();
    const client = new Client({ connectionString: api.db.url });
    await client.connect();
    await client.query(adversarialFixture());
    await client.end();
    const director = await api.signIn('director');
    held = await publishAndCollect(api, director, [
      ['month', '2025-01-01', ['S1']],
      ['month', '2025-02-01', ['S1']],
      ['month', '2025-03-01', ['S1']],
      ['quarter', '2025-01-01', ['S2']],
    ]);
  }, 120_000);
  afterAll(() => api?.close());

  it('hides the one-person and the small-site cells', () => {
    const s2 = held.find((r) => r.siteIds?.[0] === 'S2')!;
    expect(s2.figures.find((f) => f.measure === 'admissions' && f.period === 'current')).toMatchObject({
      suppressed: true,
      value: null,
    });
  });

  it('pins down no count from 1 to 10', () => {
    expect(attack(held)).toEqual([]);
  });

  it('pins some down when the protection is switched off', async () => {
    expect(attack(await unprotected(api, held)).length).toBeGreaterThan(0);
  });
});
