import { runAsUser } from '../auth/current-user';
import { setDerivedDataEnabled } from '../episodes';
import type { ApiTestServer } from '../testing/api-test-server';
import { startLoadedDemoApi } from '../testing/loaded-demo-api';
import { queryRows, recordStatements } from '../testing/derived-testing';
import { DataFreshness } from './freshness.model';
import { FreshnessService } from './freshness.service';
import { FRESHNESS_SQL } from './freshness.sql';
import { ONE_SCOPE_FRESHNESS_SQL, SEVERAL_SITES_FRESHNESS_SQL } from './table-freshness.sql';

// The freshness the loader stores must give the live answer for every site limit: all sites, one,
// several that share a participant, and a site that does not exist.

let api: ApiTestServer;
let close: () => Promise<void>;

// Besides the demo data: a participant never enrolled, one enrolled at S01 and
// then at S02, and a group whose only session has no attendance.
const EXTRA_FILES: Record<string, string[]> = {
  'participants.csv': ['participant_id', 'ZP1', 'ZP2'],
  'enrollments.csv': [
    'enrollment_id,participant_id,site_id,admission_date,discharge_date,discharge_reason',
    'ZE1,ZP2,S01,2026-01-05,2026-02-01,completed',
    'ZE2,ZP2,S02,2026-03-02,,',
  ],
  'groups.csv': ['group_id,site_id,group_type,group_name', 'ZG1,S03,family,Family evening'],
  'sessions.csv': ['session_id,group_id,session_date', 'ZX1,ZG1,2026-11-02'],
  'sobriety.csv': ['participant_id,report_date,days_used', 'ZP2,2026-03-09,1'],
};

// Two loads: the second replaces the first's stored freshness.
beforeAll(
  async () => ({ api, close } = await startLoadedDemoApi({ participants: 120, seed: 11 }, [EXTRA_FILES])),
  120_000,
);
afterAll(() => close?.());

const sql = <T>(text: string) => queryRows<T>(api.db.url, text);

/** The service's answer for a user limited to siteIds, and the statements it sent. */
async function freshnessFor(siteIds: string[] | null): Promise<{ answer: DataFreshness; statements: string[] }> {
  const user = { userId: 0, username: 'test', role: 'quality' as const, siteIds, csrfToken: '' };
  const { result, statements } = await recordStatements(() =>
    runAsUser(user, () => api.server.app.get(FreshnessService).freshness()),
  );
  return { answer: result, statements };
}

/** Which counts answered: the stored ones, or the live FRESHNESS_SQL. */
function source(statements: string[]): 'stored' | 'live' | 'both' | 'neither' {
  const stored = statements.some((s) => s === ONE_SCOPE_FRESHNESS_SQL || s === SEVERAL_SITES_FRESHNESS_SQL);
  const live = statements.includes(FRESHNESS_SQL);
  return stored ? (live ? 'both' : 'stored') : live ? 'live' : 'neither';
}

async function liveAndDerived(siteIds: string[] | null) {
  setDerivedDataEnabled(false);
  const live = await freshnessFor(siteIds);
  setDerivedDataEnabled(true);
  const derived = await freshnessFor(siteIds);
  expect(source(live.statements)).toBe('live');
  return { live: live.answer, derived: derived.answer, source: source(derived.statements) };
}

const SCOPES: [string, string[] | null][] = [
  ['every site', null],
  ['one site', ['S01']],
  ['two sites sharing a participant', ['S01', 'S02']],
  ['every site, listed', ['S03', 'S01', 'S02']],
  ['a site listed twice', ['S02', 'S02']],
  ['a site that does not exist', ['S99']],
  ['a known and an unknown site', ['S03', 'S99']],
  ['no site', []],
];

describe('stored table freshness', () => {
  it('is filled by the load for every site together and for each site', async () => {
    const rows = await sql<{ site_id: string; n: number }>(
      `SELECT site_id, count(*)::int AS n FROM derived.table_freshness GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual(['', 'S01', 'S02', 'S03'].map((site_id) => ({ site_id, n: 8 })));
    expect(await sql(`SELECT count(*)::int AS n FROM derived.meta`)).toEqual([{ n: 1 }]);
  });

  it('has what the scopes need: participants at two sites, one at none, a session without attendance', async () => {
    const [shared] = await sql<{ n: number }>(`
      SELECT count(*)::int AS n FROM (
        SELECT participant_id FROM enrollment WHERE site_id IN ('S01', 'S02')
        GROUP BY participant_id HAVING count(DISTINCT site_id) = 2) p`);
    expect(shared!.n).toBeGreaterThan(1); // ZP2 and some of the demo's readmissions
    const { answer } = await freshnessFor(null);
    const kind = (k: string) => answer.tables.find((t) => t.kind === k)!;
    expect(kind('attendance').rows).toBeGreaterThan(1000);
    expect(kind('sessions').latestDate).toBe('2026-11-02'); // ZX1, after the demo's last day
    expect(kind('attendance').latestDate).not.toBe('2026-11-02');
  });

  it.each(SCOPES)('gives the live answer for %s', async (_scope, siteIds) => {
    const { live, derived, source } = await liveAndDerived(siteIds);
    expect(source).toBe('stored');
    expect(derived).toEqual(live);
    expect(derived.lastSuccessfulLoadAt).not.toBeNull();
  });

  it('is served over GraphQL, where the answer is kept for the data version', async () => {
    const query = `{ dataFreshness { defaultAsOf lastSuccessfulLoadAt tables { kind rows latestDate } } }`;
    const limited = await api.signIn('quality', ['S01', 'S02']);
    const { live } = await liveAndDerived(['S01', 'S02']);
    const expected = { ...live, lastSuccessfulLoadAt: live.lastSuccessfulLoadAt!.toISOString() };
    expect((await limited.graphql(query)).data).toEqual({ dataFreshness: expected });
    expect((await limited.graphql(query)).data).toEqual({ dataFreshness: expected });
  });

  it('is not read after a write outside the loader', async () => {
    await sql(`INSERT INTO participant (participant_id) VALUES ('ZP3')`);
    const { live, derived, source } = await liveAndDerived(null);
    expect(source).toBe('live');
    expect(derived).toEqual(live);
  });
});
