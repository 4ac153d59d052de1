import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { ApiTestServer, startApiTestServer } from './testing/api-test-server';

// The committed api/schema.gql is the contract the dashboard's typed client is generated from.
// `UPDATE_SCHEMA=1 npx jest -c api/jest.config.js api/src/schema.spec.ts` rewrites it; otherwise this
// test fails when code and file differ.
const SCHEMA_FILE = path.join(__dirname, '..', 'schema.gql');

let api: ApiTestServer;
beforeAll(async () => {
  api = await startApiTestServer();
});
afterAll(() => api?.close());

it('the committed schema.gql matches the schema the code serves', () => {
  const { schema } = api.server.app.get(GraphQLSchemaHost);
  const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;
  if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, printed);
  expect(printed).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
});
