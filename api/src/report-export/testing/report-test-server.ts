import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase, type TestDatabase } from '@iop/db';
import { Pool } from 'pg';
import { AppModule, FEATURE_MODULES } from '../../app.module';
import { hashPassword } from '../../auth/password';
import type { Role } from '../../auth/roles';
import { UserStore } from '../../auth/user-store';
import { startApiTestServer, sessionFor, TEST_PASSWORD, type ApiSession } from '../../testing/api-test-server';
import { ReportExportModule } from '../report-export.module';

export interface ReportTestServer {
  db: TestDatabase;
  url: string;
  signIn(role: Role, siteIds?: string[] | null): Promise<ApiSession>;
  close(): Promise<void>;
}

@Module({})
class ReportTestAppModule {
  static forUrl(databaseUrl: string): DynamicModule {
    return {
      module: ReportTestAppModule,
      imports: [AppModule.forRoot({ databaseUrl, production: false }), ReportExportModule],
    };
  }
}

/**
 * The real API with the report downloads. Until the module is wired into AppModule, the whole
 * app is started with it added (same middleware, guards and GraphQL); after, the usual test server.
 */
export async function startReportTestServer(): Promise<ReportTestServer> {
  if ((FEATURE_MODULES as unknown[]).includes(ReportExportModule)) {
    const api = await startApiTestServer();
    return { db: api.db, url: api.server.url, signIn: api.signIn, close: api.close };
  }
  const db = await createTestDatabase();
  const app = await NestFactory.create<NestExpressApplication>(ReportTestAppModule.forUrl(db.url), {
    logger: ['error', 'warn'],
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: '64kb' });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const pool = new Pool({ connectionString: db.url, max: 2 });
  const users = new UserStore({ query: async (sql, params) => (await pool.query(sql, params)).rows });
  const passwordHash = await hashPassword(TEST_PASSWORD);
  let created = 0;
  return {
    db,
    url,
    async signIn(role, siteIds = null) {
      const username = `${role}-${++created}`;
      await users.create({ username, passwordHash, role, siteIds });
      return sessionFor(url, username, TEST_PASSWORD);
    },
    async close() {
      await app.close();
      await pool.end();
      await db.drop();
    },
  };
}
