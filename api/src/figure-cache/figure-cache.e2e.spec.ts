import { Client } from 'pg';
import { AuditWriter } from '../auth/audit-log/audit-writer';
import { loadFiles } from '@iop/etl';
import type { ApiTestServer } from '../testing/api-test-server';
import { startLoadedDemoApi } from '../testing/loaded-demo-api';
import type { CachedAnswer } from './cached-answer';
import { CACHED_QUERY_FIELDS } from './cached-figures.decorator';
import { FigureCache } from './figure-cache';

// Cached answers must never outlive the data they were computed from, nor cross site limits.

let api: ApiTestServer;
let dir: string;
let close: () => Promise<void>;

beforeAll(
  async () => ({ api, demoDir: dir, close } = await startLoadedDemoApi({ participants: 120, seed: 5 })),
  120_000,
);
afterAll(() => close?.());

const RETENTION = `{ retention { total { episodes dropouts } } }`;
type Retention = { retention: { total: { episodes: number; dropouts: number } } };

async function sql<T = unknown>(text: string): Promise<T[]> {
  const client = new Client({ connectionString: api.db.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

const auditRows = async () => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`))[0]!.n;

const cache = () => api.server.app.get(FigureCache);

describe('the figure cache', () => {
  it('holds the figure queries only: nothing that changes without a load', () => {
    expect([...CACHED_QUERY_FIELDS.keys()].sort()).toEqual([
      'adjustedComparison',
      'attendance',
      'attendanceIntensity',
      'cohortTrends',
      'dataFreshness',
      'drilldownGroups',
      'drilldownSessions',
      'earlyWarning',
      'episodeAccountability',
      'groupFunnel',
      'outcomeReport',
      'programOverview',
      'retention',
      'sessionAccountability',
      'sessionFeedback',
      'sites',
      'sobriety',
    ]);
  });

  let loaded: Retention['retention']['total'];

  it('keeps an answer after a load and serves it again', async () => {
    const first = await api.graphql<Retention>(RETENTION);
    loaded = first.data!.retention.total;
    expect(loaded.dropouts).toBeGreaterThan(0);
    expect(cache().size).toBe(1);
    expect((await api.graphql<Retention>(RETENTION)).data).toEqual(first.data);
    expect(cache().size).toBe(1);
  });

  it('still refuses a role the query is not for, and audits every answer it serves', async () => {
    const funder = await api.signIn('funder');
    const refused = await funder.graphql<Retention>(RETENTION);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const before = await auditRows();
    expect((await api.graphql<Retention>(RETENTION)).data!.retention.total).toEqual(loaded);
    expect(await auditRows()).toBe(before + 1);
  });

  it('answers a repeated request before GraphQL, audited under the same operation', async () => {
    await api.graphql<Retention>(RETENTION);
    await api.graphql<Retention>(RETENTION);
    const [entry] = [...(cache() as unknown as { entries: Map<string, Promise<CachedAnswer>> }).entries.values()];
    // The second identical request was served as the stored JSON (the middleware sets it).
    expect((await entry)?.body?.toString()).toBe(JSON.stringify({ data: { retention: { total: loaded } } }));
    await api.server.app.get(AuditWriter).settled();
    const operations = await sql<{ operation: string; outcome: string }>(
      `SELECT operation, outcome FROM audit_log ORDER BY audit_id DESC LIMIT 2`,
    );
    expect(operations).toEqual([
      { operation: '{ retention }', outcome: 'allowed' },
      { operation: '{ retention }', outcome: 'allowed' },
    ]);
    // Another spelling of the same query is another key, answered by GraphQL and kept too.
    expect(
      (await api.graphql<Retention>(RETENTION.replace('{ retention', '{  retention'))).data!.retention.total,
    ).toEqual(loaded);
    expect(cache().size).toBe(2);
  });

  it("keys answers by the user's site limits", async () => {
    const limited = await api.signIn('quality', ['S01']);
    const total = (await limited.graphql<Retention>(RETENTION)).data!.retention.total;
    expect(total.episodes).toBeLessThan(loaded.episodes);
    expect(cache().size).toBe(3);
    // Not kept: a refused site, and a document that does not validate.
    const refused = await limited.graphql(RETENTION.replace('retention', 'retention(filter: { siteIds: ["S02"] })'));
    expect(refused.errors).toHaveLength(1);
    expect((await api.graphql(`{ retention { total { nope } } }`)).errors).toHaveLength(1);
    expect(cache().size).toBe(3);
    // Not kept: a refused site, and a document that does not validate.
    expect(
      (await limited.graphql(RETENTION.replace('retention', 'retention(filter: { siteIds: ["S02"] })'))).errors,
    ).toHaveLength(1);
    expect((await api.graphql(`{ retention { total { nope } } }`)).errors).toHaveLength(1);
    expect(cache().size).toBe(3);
  });

  it('serves nothing cached once the data are written outside the loader', async () => {
    // One dropout becomes an open episode: the derived tables are now stale (derived.meta gone).
    await sql(`UPDATE enrollment SET discharge_date = NULL, discharge_reason = NULL
                WHERE enrollment_id = (SELECT min(enrollment_id) FROM enrollment WHERE discharge_reason = 'dropped_out')`);
    const after = (await api.graphql<Retention>(RETENTION)).data!.retention.total;
    expect(after).toEqual({ episodes: loaded.episodes, dropouts: loaded.dropouts - 1 });
  });

  it('serves the new data after the next load', async () => {
    // Loading the same files again puts the discharge back and refreshes the derived tables.
    expect((await loadFiles(api.db.url, [dir])).status).toBe('succeeded');
    expect((await api.graphql<Retention>(RETENTION)).data!.retention.total).toEqual(loaded);
    expect(cache().size).toBe(1);
  });
});
