import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { createDataSource } from '@iop/db';
import { DataSource } from 'typeorm';
import { DATABASE_URL } from './database-url';

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
          useFactory: () => createDataSource(url, { logSql: options.logSql, poolSize: 10 }).initialize(),
        },
      ],
      exports: [DataSource, DATABASE_URL],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
