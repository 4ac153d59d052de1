// Hostile arguments to every query of the schema, generated from the schema itself (as the access
// matrix does): invalid and extreme dates, reversed ranges, huge lists, unknown enum values, out of
// range numbers, and injection strings in every string argument and filter field. Each must get a
// clear error or a normal answer: never an internal error, never internals in a message, never a
// slow query, never a gap in the audit log, and the data must be intact afterwards. Then queries
// built to hurt the parser and validator. Bounded: a fixed list of values, each request timed.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { generateDemoData, loadFiles } from '@iop/etl';
import { type ApiTestServer, startApiTestServer } from '../../api/src/testing/api-test-server';

jest.setTimeout(180_000);

const SLOW_MS = 5_000; // the demo data answers every query in well under a second
const CLEAR_CODES = new Set([
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'NOT_FOUND',
]);
/** What only the server's insides could have put in a message (the request's own values removed first). */
const INTERNALS =
  /QueryFailedError|DatabaseError|syntax error|relation "|column "|\$\d+::|::text|\.ts:\d|\.js:\d|\n\s+at |node_modules|violates|Something went wrong/;

const INJECTIONS = [
  "' OR '1'='1",
  "S1'); DROP TABLE site; --",
  '"; SELECT pg_sleep(10); --',
  '1; SELECT pg_sleep(10)',
  '$1',
  '%',
  '_',
  '\\',
  '\u0000',
  'S1\u0000',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  'ＳＥＬＥＣＴ',
  '😀'.repeat(50),
  'x'.repeat(5_000),
];
const DATES = [
  '2025-02-30',
  '2025-13-01',
  '0000-01-01',
  '1899-12-31',
  '3000-01-01',
  '2025-1-1',
  '20250101',
  '',
  ' 2025-01-01',
  'now',
  'infinity',
  '-infinity',
  "2025-01-01'; DROP TABLE site; --",
];
const INTS = [-1, 0, 1, 2_147_483_647, 1_000_000];

// The console as it is before the servers' logs are silenced, for the figures of this run.
const print = console.log.bind(console);
let api: ApiTestServer;
let dataDir: string;

beforeAll(async () => {
  // Nest and TypeORM log the refused statements (with their SQL) for the operator: not test output.
  for (const method of ['log', 'warn', 'error'] as const)
    jest.spyOn(console, method).mockImplementation(() => undefined);
  for (const stream of [process.stdout, process.stderr]) jest.spyOn(stream, 'write').mockImplementation(() => true);
  dataDir = await mkdtemp(path.join(tmpdir(), 'iop-api-inputs-'));
  api = await startApiTestServer();
  await generateDemoData({ outDir: dataDir, participants: 60, seed: 3 });
  expect((await loadFiles(api.db.url, [dataDir])).status).toBe('succeeded');
});

afterAll(async () => {
  jest.restoreAllMocks();
  await api?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Probe {
  what: string;
  query: string;
  variables: Record<string, unknown>;
}

/** A value every required argument accepts, so that one argument at a time can be made hostile. */
function plainValue(type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.name;
  if (isScalarType(named) && named.name === 'Int') return 1;
  if (isInputObjectType(named)) return {};
  return 'G0001';
}

/** Hostile values for one argument or input field, by its type and name. */
function hostileValues(name: string, type: GraphQLInputType): unknown[] {
  const named = getNamedType(type);
  const list = isListType(isNonNullType(type) ? type.ofType : type);
  if (isEnumType(named)) {
    const unknown = ['yoga', 'PROCESS', '', "process' OR 1=1"];
    return list
      ? [...unknown.map((v) => [v]), Array.from({ length: 10_000 }, () => named.getValues()[0]!.name)]
      : unknown;
  }
  if (isScalarType(named) && named.name === 'Int') return [...INTS, 2_147_483_648, 1.5, '1'];
  if (isScalarType(named) && named.name === 'String') {
    const values = /^(from|to|asOf)$/.test(name) ? [...DATES, ...INJECTIONS] : INJECTIONS;
    return list
      ? [
          ...values.map((v) => [v]),
          [],
          Array.from({ length: 501 }, (_, i) => `S${i}`),
          Array.from({ length: 3000 }, () => 'S01'),
        ]
      : values;
  }
  return [];
}

function probes(): Probe[] {
  const schema = api.server.app.get(GraphQLSchemaHost).schema;
  const out: Probe[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const declare = (args: readonly GraphQLArgument[]): string =>
      args.length ? `(${args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ')})` : '';
    const pass = (args: readonly GraphQLArgument[]): string =>
      args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
    const query = `query Probe${declare(field.args)} { ${field.name}${pass(field.args)} { __typename } }`;
    const base = Object.fromEntries(
      field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, plainValue(a.type)]),
    );
    for (const arg of field.args) {
      const named = getNamedType(arg.type);
      if (isInputObjectType(named)) {
        for (const input of Object.values(named.getFields())) {
          for (const value of hostileValues(input.name, input.type)) {
            out.push({
              what: `${field.name}(${arg.name}.${input.name})`,
              query,
              variables: { ...base, [arg.name]: { [input.name]: value } },
            });
          }
        }
        out.push({
          what: `${field.name}(${arg.name}: reversed range)`,
          query,
          variables: { ...base, [arg.name]: { from: '2025-06-01', to: '2025-01-01' } },
        });
        out.push({
          what: `${field.name}(${arg.name}: the widest range)`,
          query,
          variables: { ...base, [arg.name]: { from: '1900-01-01', to: '2999-12-31', asOf: '2999-12-31' } },
        });
        out.push({
          what: `${field.name}(${arg.name}: unknown field)`,
          query,
          variables: { ...base, [arg.name]: { since: '2025-01-01' } },
        });
      } else {
        for (const value of hostileValues(arg.name, arg.type)) {
          out.push({ what: `${field.name}(${arg.name})`, query, variables: { ...base, [arg.name]: value } });
        }
      }
    }
    if (field.args.length === 0) out.push({ what: field.name, query, variables: {} });
  }
  return out;
}

/** The message with the request's own values (echoed back in "got …") taken out. */
function withoutInputs(message: string): string {
  let rest = message;
  for (const value of [...INJECTIONS, ...DATES].filter((v) => v.length > 0).sort((a, b) => b.length - a.length)) {
    rest = rest.replaceAll(value, '').replaceAll(value.slice(0, 40), '');
  }
  return rest;
}

async function counts(): Promise<Record<string, number>> {
  const client = new Client({ connectionString: api.db.url });
  await client.connect();
  try {
    const result: Record<string, number> = {};
    for (const table of [
      'site',
      'therapy_group',
      'participant',
      'enrollment',
      'group_session',
      'attendance',
      'feedback',
      'sobriety_checkin',
      'app_user',
    ]) {
      result[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    }
    return result;
  } finally {
    await client.end();
  }
}

it("sets a statement timeout on the API's connections, so that no query can hold the database", async () => {
  const rows: { statement_timeout: string }[] = await api.server.app.get(DataSource).query('SHOW statement_timeout');
  expect(rows[0]!.statement_timeout).toBe('30s');
});

it('answers every hostile argument of every query clearly, quickly, and leaves the data intact', async () => {
  const director = await api.signIn('director');
  const before = await counts();
  const all = probes();
  expect(all.length).toBeGreaterThan(300);
  const problems: string[] = [];
  let slowest = { ms: 0, what: '' };
  const outcomes = { data: 0, clearError: 0 };
  for (const probe of all) {
    const started = Date.now();
    const response = await director.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: probe.query, variables: probe.variables }),
    });
    const ms = Date.now() - started;
    if (ms > slowest.ms) slowest = { ms, what: probe.what };
    const shown = `${probe.what} = ${JSON.stringify(probe.variables).slice(0, 120)}`;
    const text = await response.text();
    if (ms > SLOW_MS) problems.push(`${shown}: took ${ms} ms`);
    if (response.status >= 500) problems.push(`${shown}: HTTP ${response.status}`);
    let body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = JSON.parse(text);
    } catch {
      problems.push(`${shown}: not JSON: ${text.slice(0, 200)}`);
      continue;
    }
    if (!body.errors) {
      outcomes.data++;
      continue;
    }
    outcomes.clearError++;
    for (const error of body.errors) {
      const code = error.extensions?.code ?? '(none)';
      if (!CLEAR_CODES.has(code)) problems.push(`${shown}: ${code}: ${error.message}`);
      if (INTERNALS.test(withoutInputs(error.message)))
        problems.push(`${shown}: internals in "${error.message.slice(0, 300)}"`);
    }
  }
  print(
    `${all.length} hostile requests: ${outcomes.data} answered, ${outcomes.clearError} refused; slowest ${slowest.ms} ms (${slowest.what})`,
  );
  expect(problems.slice(0, 30)).toEqual([]);
  expect(await counts()).toEqual(before);
});

it('audits an operation whatever its variables hold (a NUL cannot be stored in jsonb)', async () => {
  const director = await api.signIn('director');
  const { errors } = await director.graphql(
    `query Sneaky($f: MetricsFilter) { attendance(filter: $f) { __typename } }`,
    {
      f: { siteIds: ['S01\u0000'] },
    },
  );
  expect(errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  const { data } = await director.graphql<{ auditLog: { operation: string; outcome: string }[] }>(
    `{ auditLog(limit: 5, username: "${director.username}") { operation outcome } }`,
  );
  expect(data?.auditLog.map((e) => e.operation)).toContain('Sneaky { attendance }');
});

describe('queries built to hurt the parser and validator', () => {
  // Each under the 64 KB body limit (larger bodies get a 413 before GraphQL sees them).
  const cases: [string, () => string][] = [
    ['three thousand aliases', () => `{ ${Array.from({ length: 3_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`],
    ['a list value nested 20,000 deep', () => `{ sites(x: ${'['.repeat(20_000)}${']'.repeat(20_000)}) { siteId } }`],
    ['an input object nested 8,000 deep', () => `{ sites(x: ${'{a:'.repeat(8_000)}1${'}'.repeat(8_000)}) { siteId } }`],
    ['selections nested 6,000 deep', () => `{ ${'sites { '.repeat(6_000)}siteId${' }'.repeat(6_000)} }`],
    ['3,500 directives', () => `{ sites ${'@skip(if: false) '.repeat(3_500)} { siteId } }`],
    ['a cycle of fragments', () => `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`],
    [
      'a thousand fragments spread',
      () =>
        `{ ${Array.from({ length: 1_000 }, (_, i) => `...F${i}`).join(' ')} } ${Array.from({ length: 1_000 }, (_, i) => `fragment F${i} on Query { sites { siteId } }`).join(' ')}`,
    ],
    [
      'a thousand operations',
      () => Array.from({ length: 1_000 }, (_, i) => `query Q${i} { sites { siteId } }`).join(' '),
    ],
    ['an unterminated string', () => `{ sites(x: "${'a'.repeat(1000)}) { siteId } }`],
    ['binary garbage', () => String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65_000))],
  ];
  it.each(cases)('%s gets a clear error at once', async (_what, build) => {
    const query = build();
    const started = Date.now();
    const response = await (
      await api.signIn('quality')
    ).fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(Date.now() - started).toBeLessThan(SLOW_MS);
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors!) {
      expect(CLEAR_CODES).toContain(error.extensions?.code);
      expect(error.message).not.toMatch(INTERNALS);
      expect(error.message.length).toBeLessThan(1_000);
    }
    expect(body.errors!.length).toBeLessThanOrEqual(101); // graphql-js stops validating at 100 errors
    // Still serving.
    expect((await api.graphql('{ sites { siteId } }')).errors).toBeUndefined();
  });
});
