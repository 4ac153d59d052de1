import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { createDataSource } from '@iop/db';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ConnectionShare, POOL_SIZE } from './connection-share';
import { DATABASE_URL } from './database-url';

/** No dashboard query comes near this; past it Postgres cancels the statement. */
export const API_STATEMENT_TIMEOUT_MS = 30_000;

/**
 * One connection pool for the whole API, injected as TypeORM's DataSource; a user's GraphQL
 * execution holds a share of it at most (ConnectionShare).
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forUrl(url: string, options: { logSql?: boolean } = {}): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_URL, useValue: url },
        { provide: ConnectionShare, useValue: new ConnectionShare() },
        {
          provide: DataSource,
          inject: [ConnectionShare],
          useFactory: async (share: ConnectionShare) => {
            const dataSource = createDataSource(url, { logSql: options.logSql, poolSize: POOL_SIZE });
            // The API's statements only (migrations share the definition and may need longer): a
            // runaway query is cancelled rather than left holding a connection and its locks.
            const extra = { ...dataSource.options.extra, statement_timeout: API_STATEMENT_TIMEOUT_MS };
            await dataSource.setOptions({ extra }).initialize();
            share.install((dataSource.driver as PostgresDriver).master as Pool);
            return dataSource;
          },
        },
      ],
      exports: [DataSource, DATABASE_URL, ConnectionShare],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
