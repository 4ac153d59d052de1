import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { createDataSource } from '@iop/db';
import { DataSource } from 'typeorm';
import { DATABASE_URL } from './database-url';

/** No dashboard query comes near this; past it Postgres cancels the statement. */
export const API_STATEMENT_TIMEOUT_MS = 30_000;

/** One connection pool for the whole API, injected as TypeORM's DataSource. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forUrl(url: string, options: { logSql?: boolean } = {}): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_URL, useValue: url },
        {
          provide: DataSource,
          useFactory: () => {
            const dataSource = createDataSource(url, { logSql: options.logSql, poolSize: 10 });
            // The API's statements only (migrations share the definition and may need longer): a
            // runaway query is cancelled rather than left holding a connection and its locks.
            const extra = { ...dataSource.options.extra, statement_timeout: API_STATEMENT_TIMEOUT_MS };
            return dataSource.setOptions({ extra }).initialize();
          },
        },
      ],
      exports: [DataSource, DATABASE_URL],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
