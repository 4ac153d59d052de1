import { createTestDatabase, TestDatabase } from '@iop/db';
import { startServer } from '../server';
import { ApiTestServer, sessionFor, startApiTestServer } from '../testing/api-test-server';
import { CACHED_QUERY_FIELDS } from '../figure-cache/cached-figures.decorator';
import { MAX_REQUEST_COST } from './query-cost';
import { MAX_DEPTH } from './query-limits';

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
});
afterAll(() => api?.close());

const OUTCOME_REPORT_COST = CACHED_QUERY_FIELDS.get('outcomeReport')!;

const codes = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  (r.errors ?? []).map((e) => e.extensions?.code);

describe('GraphQL limits', () => {
  it('refuses an operation nested deeper than the limit, before it runs', async () => {
    // Introspection nests without end: ofType { ofType { … } }.
    let selection = 'name';
    for (let i = 0; i < MAX_DEPTH + 2; i++) selection = `ofType { ${selection} }`;
    const response = await api.graphql(`query Deep { __schema { types { ${selection} } } }`);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0].message).toBe(
      `Deep is nested ${MAX_DEPTH + 1} levels deep; the limit is ${MAX_DEPTH}.`,
    );
  });

  it('refuses an operation selecting too many fields (aliases included)', async () => {
    const aliases = Array.from({ length: 450 }, (_, i) => `a${i}: dataFreshness { defaultAsOf }`).join(' ');
    const response = await api.graphql(`query Wide { ${aliases} }`);
    expect(response.errors?.[0].message).toMatch(/^Wide selects \d+ fields; the limit is 400\.$/);
  });

  it('refuses an alias flood over the cost budget before it runs, naming cost and budget', async () => {
    const flood = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `r${i}: outcomeReport(filter: { to: "2025-0${1 + (i % 9)}-28" }) { siteIds }`,
      );
    const over = Math.floor(MAX_REQUEST_COST / OUTCOME_REPORT_COST) + 1;
    const refused = await api.graphql(`query Flood { ${flood(over).join(' ')} }`);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0].message).toBe(
      `This request would run ${over} figure queries (cost ${over * OUTCOME_REPORT_COST}); ` +
        `the limit per request is ${MAX_REQUEST_COST}. Ask for fewer fields or split the request.`,
    );
    expect(codes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    // Just under the budget runs.
    const allowed = await api.graphql(`query Flood { ${flood(over - 1).join(' ')} }`);
    expect(allowed.errors).toBeUndefined();
  });

  it('expands fragments, and counts a response key once however often it is spread', async () => {
    const over = Math.floor(MAX_REQUEST_COST / OUTCOME_REPORT_COST) + 1;
    const fields = Array.from({ length: over }, (_, i) => `r${i}: outcomeReport { siteIds }`).join(' ');
    const hidden = await api.graphql(
      `query Hidden { ... on Query { ...Reports } } fragment Reports on Query { ${fields} }`,
    );
    expect(hidden.errors?.[0].message).toMatch(
      new RegExp(`^This request would run ${over} figure queries \\(cost ${over * OUTCOME_REPORT_COST}\\)`),
    );
    // The same keys spread twice merge into one execution each: still under the budget.
    const under = fields
      .split(' r')
      .slice(0, over - 1)
      .join(' r');
    const twice = await api.graphql(`query Twice { ...Reports ...Reports } fragment Reports on Query { ${under} }`);
    expect(twice.errors).toBeUndefined();
  });

  it('refuses batched operations', async () => {
    const session = await api.signIn('director');
    const response = await session.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: '{ dataFreshness { defaultAsOf } }' },
        { query: '{ dataFreshness { defaultAsOf } }' },
      ]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses a request body over 64 KB', async () => {
    const session = await api.signIn('director');
    const response = await session.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ dataFreshness { defaultAsOf } } # ${'x'.repeat(70_000)}` }),
    });
    expect(response.status).toBe(413);
  });
});

describe('hostile arguments get clear errors and never reach SQL as code', () => {
  it.each([
    [
      'an impossible date',
      { asOf: '2025-02-30' },
      'Invalid filter: asOf must be a date written YYYY-MM-DD (got "2025-02-30")',
    ],
    [
      'a reversed range',
      { from: '2025-03-01', to: '2025-01-01' },
      'Invalid filter: from (2025-03-01) is after to (2025-01-01)',
    ],
    [
      'an injection string as a date',
      { from: "2025-01-01'; DROP TABLE site; --" },
      `Invalid filter: from must be a date written YYYY-MM-DD (got "2025-01-01'; DROP TABLE site; --")`,
    ],
  ])('%s', async (_what, filter, message) => {
    const response = await api.graphql(`query ($f: MetricsFilter) { attendance(filter: $f) { total { scheduled } } }`, {
      f: filter,
    });
    expect(response.errors?.[0]).toEqual({
      message,
      locations: expect.any(Array),
      path: ['attendance'],
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('treats an injection string as a site ID like any other (no such site: nothing)', async () => {
    const response = await api.graphql<{ attendance: { total: { scheduled: number } } }>(
      `query ($f: MetricsFilter) { attendance(filter: $f) { total { scheduled } } }`,
      { f: { siteIds: ["S1'); DROP TABLE site; --"] } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.attendance.total.scheduled).toBe(0);
    expect((await api.graphql('{ dataFreshness { tables { kind rows } } }')).errors).toBeUndefined();
  });

  it('names the accepted values of an unknown group type', async () => {
    const response = await api.graphql(`{ attendance(filter: { groupTypes: [yoga] }) { total { scheduled } } }`);
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors?.[0].message).toContain('Value "yoga" does not exist in "GroupType" enum');
  });

  it('refuses variables of the wrong type or shape with a 400 naming the variable, not a server fault', async () => {
    const session = await api.signIn('director');
    const send = async (query: string, variables: Record<string, unknown>) => {
      const response = await session.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      return { status: response.status, errors: body.errors?.map((e) => [e.extensions?.code, e.message]) };
    };
    const limited = 'query ($limit: Int!) { earlyWarning(limit: $limit) { openEpisodes } }';
    expect(await send(limited, { limit: 'ten' })).toEqual({
      status: 400,
      errors: [
        ['BAD_USER_INPUT', 'Variable "$limit" got invalid value "ten"; Int cannot represent non-integer value: "ten"'],
      ],
    });
    expect(await send(limited, {})).toEqual({
      status: 400,
      errors: [['BAD_USER_INPUT', 'Variable "$limit" of required type "Int!" was not provided.']],
    });
    const filtered = 'query ($f: MetricsFilter) { attendance(filter: $f) { total { scheduled } } }';
    expect(await send(filtered, { f: { from: 12 } })).toEqual({
      status: 400,
      errors: [
        [
          'BAD_USER_INPUT',
          'Variable "$f" got invalid value 12 at "f.from"; String cannot represent a non string value: 12',
        ],
      ],
    });
  });

  it('refuses a list of 501 sites', async () => {
    const siteIds = Array.from({ length: 501 }, (_, i) => `S${i}`);
    const response = await api.graphql(`query ($f: MetricsFilter) { attendance(filter: $f) { total { scheduled } } }`, {
      f: { siteIds },
    });
    expect(response.errors?.[0].message).toBe('Invalid filter: siteIds may list at most 500 sites');
  });
});

describe('HTTP hardening', () => {
  it('sends security headers', async () => {
    const response = await fetch(`${api.server.url}/health`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('in production', () => {
  let db: TestDatabase;
  let close: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    const server = await startServer({ databaseUrl: db.url, production: true, host: '127.0.0.1', port: 0 });
    ({ url, close } = server);
  });
  afterAll(async () => {
    await close?.();
    await db?.drop();
  });

  it('turns introspection off', async () => {
    const { Pool } = await import('pg');
    const pool = new Pool({ connectionString: db.url });
    const { hashPassword } = await import('../auth/password');
    await pool.query(`INSERT INTO app_user (username, password_hash, role) VALUES ('dir', $1, 'director')`, [
      await hashPassword('a-long-enough-pw'),
    ]);
    await pool.end();
    const session = await sessionFor(url, 'dir', 'a-long-enough-pw');
    const response = await session.graphql('{ __schema { queryType { name } } }');
    expect(codes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors?.[0].message).toMatch(/introspection is not allowed/i);
  });
});
