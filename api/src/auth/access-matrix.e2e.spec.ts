import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLEnumType, GraphQLField, GraphQLNonNull, isEnumType, isNonNullType, isScalarType } from 'graphql';
import { Client } from 'pg';
import { ApiSession, ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { Role, ROLES } from './roles';

// The full matrix over HTTP: every role × every query → allowed or forbidden, decided on the
// server. Every query of the schema must be listed here, so that no new query ships unclassified.
const CLINICAL: Role[] = ['director', 'quality'];
const POLICY: Record<string, Role[]> = {
  dataFreshness: CLINICAL,
  attendance: CLINICAL,
  attendanceIntensity: CLINICAL,
  sessionAccountability: CLINICAL,
  sessionFeedback: CLINICAL,
  episodeAccountability: CLINICAL,
  retention: CLINICAL,
  adjustedComparison: CLINICAL,
  groupFunnel: CLINICAL,
  sobriety: CLINICAL,
  cohortTrends: CLINICAL,
  programOverview: CLINICAL,
  drilldownGroups: CLINICAL,
  drilldownSessions: CLINICAL,
  earlyWarning: ['director'],
  participantActivity: ['director'],
  auditLog: ['director'],
  outcomeReport: CLINICAL,
  releases: [...ROLES],
  release: [...ROLES],
  sites: [...ROLES],
  loadHistory: CLINICAL,
  rejectedRows: CLINICAL,
  rejectReasons: CLINICAL,
  mappingTargets: ['director'],
  mappingProfiles: ['director'],
  mappingProfile: ['director'],
  mappingUpload: ['director'],
  mappingPreview: ['director'],
};

/**
 * Queries about something the probe cannot name (an upload waiting for its mapping, a saved
 * profile): allowed means the guard lets the request through to say that it is not there.
 */
const ABOUT_MISSING_STATE = new Set(['mappingProfile', 'mappingUpload', 'mappingPreview']);

const FIXTURE = `
  INSERT INTO site VALUES ('S1', 'North'), ('S2', 'South');
  INSERT INTO therapy_group (group_id, site_id, group_type, group_name) VALUES
    ('G1', 'S1', 'process', 'Process North'), ('G2', 'S2', 'skills', 'Skills South');
  INSERT INTO participant (participant_id) VALUES ('P1'), ('P2');
  INSERT INTO enrollment (enrollment_id, participant_id, site_id, admission_date) VALUES
    ('E1', 'P1', 'S1', '2025-01-06'), ('E2', 'P2', 'S2', '2025-01-06');
  INSERT INTO group_session (session_id, group_id, session_date, duration_minutes) VALUES
    ('X1', 'G1', '2025-01-07', 90), ('X2', 'G2', '2025-01-08', 90), ('X3', 'G2', '2025-01-09', 90);
  INSERT INTO attendance VALUES ('X1', 'P1', 'present', 90), ('X2', 'P2', 'absent', NULL), ('X3', 'P2', 'absent', NULL);
  INSERT INTO release (period_kind, period_from, period_to, site_ids, scope_key, status, version, as_of, data_version,
                       method_version, content, created_by)
    VALUES ('month', '2025-01-01', '2025-01-31', NULL, '*', 'published', 1, '2025-02-01', 'fixture', 'fixture',
            '{"period": {}, "previousPeriod": {}, "figures": [], "survivalCurves": []}', 'fixture');
`;

let api: ApiTestServer;
const sessions = {} as Record<Role, ApiSession>;

beforeAll(async () => {
  api = await startApiTestServer();
  const client = new Client({ connectionString: api.db.url });
  await client.connect();
  await client.query(FIXTURE);
  await client.end();
  for (const role of ROLES) sessions[role] = await api.signIn(role);
});
afterAll(() => api?.close());

function queryFields(): GraphQLField<unknown, unknown>[] {
  const schema = api.server.app.get(GraphQLSchemaHost).schema;
  return Object.values(schema.getQueryType()!.getFields());
}

/** `{ field(requiredArg: value) { __typename } }`: the guard decides before anything resolves. */
function probe(field: GraphQLField<unknown, unknown>): string {
  const args = field.args
    .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
    .map((a) => {
      const type = (a.type as GraphQLNonNull<never>).ofType as unknown;
      if (isEnumType(type)) return `${a.name}: ${(type as GraphQLEnumType).getValues()[0].name}`;
      if (isScalarType(type) && type.name === 'Int') return `${a.name}: 1`;
      return `${a.name}: "${a.name === 'participantId' ? 'P1' : 'G1'}"`;
    });
  return `{ ${field.name}${args.length ? `(${args.join(', ')})` : ''} { __typename } }`;
}

it('classifies every query of the schema', () => {
  expect(
    queryFields()
      .map((f) => f.name)
      .sort(),
  ).toEqual(Object.keys(POLICY).sort());
});

describe.each(ROLES)('as %s', (role) => {
  it.each(Object.keys(POLICY))('%s is allowed or forbidden as the policy says', async (name) => {
    const field = queryFields().find((f) => f.name === name)!;
    const { data, errors } = await sessions[role].graphql(probe(field));
    const codes = (errors ?? []).map((e) => e.extensions?.code);
    if (POLICY[name].includes(role) && ABOUT_MISSING_STATE.has(name)) {
      expect(codes).not.toContain('FORBIDDEN');
      expect(errors?.[0]?.message ?? '').not.toMatch(/may not see/);
    } else if (POLICY[name].includes(role)) {
      expect(codes).toEqual([]);
      expect(data?.[name]).toBeTruthy();
    } else {
      expect(codes).toEqual(['FORBIDDEN']);
      expect(errors?.[0].message).toBe(`Your role (${role}) may not see this.`);
      // A nullable field reads null beside the error; a non-null one nulls the whole answer.
      expect(data?.[name] ?? null).toBeNull();
    }
  });
});

// Fields of the loader's records that may quote a file's values, participant IDs or server paths.
const LOAD_DETAILS = `{
  loadHistory { source detail files { detail } }
  rejectedRows(loadId: 1) { value detail }
}`;

describe("the loader's records", () => {
  beforeAll(async () => {
    const client = new Client({ connectionString: api.db.url });
    await client.connect();
    await client.query(`
      INSERT INTO etl_load (load_id, status, source, message, detail)
        OVERRIDING SYSTEM VALUE VALUES (1, 'partial', '/srv/exports', NULL, NULL);
      INSERT INTO etl_load_file (load_id, file_name, kind, status, message, detail)
        VALUES (1, 'sites.csv', 'sites', 'loaded', 'ignored a column not in the contract', 'ignored: "P1"');
      INSERT INTO etl_reject (load_id, file_name, line, column_name, value, reason, detail)
        VALUES (1, 'attendance.csv', 2, 'participant_id', 'P1', 'a fixed reason', 'names P1');`);
    await client.end();
  });

  it.each([
    [
      'director',
      { source: '/srv/exports', detail: null, fileDetail: 'ignored: "P1"', value: 'P1', rowDetail: 'names P1' },
    ],
    ['quality', { source: null, detail: null, fileDetail: null, value: null, rowDetail: null }],
  ] as const)('show their values, sources and details to directors only: %s', async (role, expected) => {
    const { data, errors } = await sessions[role].graphql<{
      loadHistory: { source: string | null; detail: string | null; files: { detail: string | null }[] }[];
      rejectedRows: { value: string | null; detail: string | null }[];
    }>(LOAD_DETAILS);
    expect(errors).toBeUndefined();
    const load = data!.loadHistory[0]!;
    const row = data!.rejectedRows[0]!;
    expect({
      source: load.source,
      detail: load.detail,
      fileDetail: load.files[0]!.detail,
      value: row.value,
      rowDetail: row.detail,
    }).toEqual(expected);
  });

  it('are refused to funders, details and all', async () => {
    const { data, errors } = await sessions.funder.graphql(LOAD_DETAILS);
    expect(data ?? null).toBeNull();
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('a user limited to a site', () => {
  const ATTENDANCE = `query ($filter: MetricsFilter) { attendance(filter: $filter) {
    total { scheduled attended absent } bySite { siteId figures { scheduled } } byGroupType { groupType figures { scheduled } } } }`;

  it('sees only that site, totals included, exactly as a director filtering to it', async () => {
    const limited = await api.signIn('quality', ['S1']);
    const mine = await limited.graphql(ATTENDANCE, { filter: {} });
    const directorView = await sessions.director.graphql(ATTENDANCE, { filter: { siteIds: ['S1'] } });
    expect(mine.errors).toBeUndefined();
    expect(mine.data).toEqual(directorView.data);
    expect(mine.data).toMatchObject({ attendance: { total: { scheduled: 1, attended: 1, absent: 0 } } });
  });

  it('is refused another site, rather than shown an empty one', async () => {
    const limited = await api.signIn('quality', ['S1']);
    const { data, errors } = await limited.graphql(ATTENDANCE, { filter: { siteIds: ['S1', 'S2'] } });
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({ message: 'You may only see sites S1.', extensions: { code: 'FORBIDDEN' } });
  });

  it('sees counts and dates of its own site only in the data status', async () => {
    const limited = await api.signIn('director', ['S2']);
    const { data } = await limited.graphql<{ dataFreshness: { tables: { kind: string; rows: number }[] } }>(
      '{ dataFreshness { tables { kind rows } } }',
    );
    const rows = Object.fromEntries(data!.dataFreshness.tables.map((t) => [t.kind, t.rows]));
    expect(rows).toEqual({
      sites: 1,
      groups: 1,
      participants: 1,
      enrollments: 1,
      sessions: 2,
      attendance: 2,
      feedback: 0,
      sobriety: 0,
    });
  });

  it('sees only its own site in the early-warning list', async () => {
    const limited = await api.signIn('director', ['S2']);
    const { data } = await limited.graphql<{ earlyWarning: { episodes: { enrollmentId: string }[] } }>(
      `{ earlyWarning(filter: { asOf: "2025-01-10" }) { episodes { enrollmentId } } }`,
    );
    expect(data!.earlyWarning.episodes.map((e) => e.enrollmentId)).toEqual(['E2']);
  });
});

describe('the audit log', () => {
  it('records who asked what, with which filters, and how it ended; directors can read it', async () => {
    const quality = await api.signIn('quality');
    await quality.graphql(`query Weekly($f: MetricsFilter) { attendance(filter: $f) { total { scheduled } } }`, {
      f: { from: '2025-01-01' },
    });
    await quality.graphql(`{ earlyWarning { openEpisodes } }`);
    const { data } = await sessions.director.graphql<{ auditLog: Record<string, string>[] }>(
      `query ($u: String) { auditLog(username: $u, limit: 10) { username role operation filters outcome } }`,
      { u: quality.username },
    );
    expect(data!.auditLog).toEqual([
      {
        username: quality.username,
        role: 'quality',
        operation: '{ earlyWarning }',
        filters: '{}',
        outcome: 'forbidden',
      },
      {
        username: quality.username,
        role: 'quality',
        operation: 'Weekly { attendance }',
        filters: '{"f":{"from":"2025-01-01"}}',
        outcome: 'allowed',
      },
    ]);
  });

  it('records the resolved arguments of every root field, inline or from variables, per alias, and the sites', async () => {
    const limited = await api.signIn('quality', ['S1']);
    const auditOf = async () => {
      const { data } = await sessions.director.graphql<{ auditLog: { arguments: string | null; sites: string[] }[] }>(
        `query ($u: String) { auditLog(username: $u, limit: 1) { arguments sites } }`,
        { u: limited.username },
      );
      const [entry] = data!.auditLog;
      return { arguments: JSON.parse(entry!.arguments ?? 'null') as unknown, sites: entry!.sites };
    };

    // Inline arguments: no variables at all.
    await limited.graphql(`{ attendance(filter: { from: "2025-01-01", siteIds: ["S1"] }) { total { scheduled } } }`);
    expect(await auditOf()).toEqual({
      arguments: { attendance: { field: 'attendance', args: { filter: { from: '2025-01-01', siteIds: ['S1'] } } } },
      sites: ['S1'],
    });

    // Aliases, one with a variable: each its own arguments.
    await limited.graphql(
      `query Two($to: String) {
        early: retention(filter: { to: "2025-01-31" }) { total { episodes } }
        late: retention(filter: { to: $to }) { total { episodes } }
      }`,
      { to: '2025-03-31' },
    );
    expect(await auditOf()).toEqual({
      arguments: {
        early: { field: 'retention', args: { filter: { to: '2025-01-31' } } },
        late: { field: 'retention', args: { filter: { to: '2025-03-31' } } },
      },
      sites: ['S1'],
    });
  });
});
