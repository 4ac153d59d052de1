import { DataSource } from 'typeorm';
import { InitialSchema1764140000000 } from '../migrations/1764140000000-initial-schema';
import { UsersSessionsAudit1764150000000 } from '../migrations/1764150000000-users-sessions-audit';
import { AuditOutcomeAfterAnswer1764280000000 } from '../migrations/1764280000000-audit-outcome-after-answer';
import { AuditArgumentsAndSites1764340000000 } from '../migrations/1764340000000-audit-arguments-and-sites';
import { RejectDetails1764350000000 } from '../migrations/1764350000000-reject-details';
import { Releases1764400000000 } from '../migrations/1764400000000-releases';
import { MappingProfiles1764450000000 } from '../migrations/1764450000000-mapping-profiles';
import { DerivedSchema1764600000000 } from '../migrations/1764600000000-derived-schema';

/**
 * Every migration, in order. A committed migration is never edited: add a new one. The derived
 * tables are not here: the metrics layer owns schema `derived` (DerivedSchema retired the
 * migrations that had built them in public; an upgraded database keeps them in its history).
 */
export const migrations = [
  InitialSchema1764140000000,
  UsersSessionsAudit1764150000000,
  AuditOutcomeAfterAnswer1764280000000,
  AuditArgumentsAndSites1764340000000,
  RejectDetails1764350000000,
  Releases1764400000000,
  MappingProfiles1764450000000,
  DerivedSchema1764600000000,
];

/**
 * Settings of every connection of the data source. work_mem: room for the metric queries' sorts
 * and hash aggregates without spilling to disk. jit off: those queries take milliseconds, and a
 * server built with LLVM compiles any plan above jit_above_cost first, which took 20–30 ms for
 * queries that then ran in 20 ms (the overview, retention at 100,000 episodes).
 */
export const QUERY_SESSION_OPTIONS = '-c work_mem=64MB -c jit=off';

/**
 * The one TypeORM data source definition, used by the API, the loader, the bootstrap and the
 * TypeORM CLI alike. The schema is owned by migrations: `synchronize` stays off.
 */
export function createDataSource(url: string, options: { logSql?: boolean; poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migration',
    logging: options.logSql ? ['query', 'error'] : ['error'],
    extra: {
      max: options.poolSize ?? 10,
      application_name: 'iop-outcomes',
      options: QUERY_SESSION_OPTIONS,
    },
  });
}

/** Applies pending migrations; returns the names of those applied. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = await createDataSource(url, { poolSize: 1 }).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
