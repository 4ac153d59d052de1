import { createTestDatabase, TestDatabase } from '@iop/db';
import { RunningServer, startServer } from '../server';

export interface GraphqlResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface ApiTestServer {
  db: TestDatabase;
  server: RunningServer;
  /** POSTs a GraphQL operation over HTTP and returns the parsed response body. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

/** The real API on a free port, over its own migrated test database. */
export async function startApiTestServer(): Promise<ApiTestServer> {
  const db = await createTestDatabase();
  const server = await startServer({ databaseUrl: db.url, production: false, host: '127.0.0.1', port: 0 });
  return {
    db,
    server,
    async graphql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphqlResponse<T>;
    },
    async close() {
      await server.close();
      await db.drop();
    },
  };
}
