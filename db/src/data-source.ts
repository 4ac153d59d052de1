import { DataSource } from 'typeorm';
import { InitialSchema1764140000000 } from '../migrations/1764140000000-initial-schema';
import { UsersSessionsAudit1764150000000 } from '../migrations/1764150000000-users-sessions-audit';
import { DerivedMetricTables1764160000000 } from '../migrations/1764160000000-derived-metric-tables';
import { DerivedWarningAndGroupTables1764170000000 } from '../migrations/1764170000000-derived-warning-and-group-tables';
import { EpisodeCells1764180000000 } from '../migrations/1764180000000-episode-cells';
import { TableFreshness1764190000000 } from '../migrations/1764190000000-table-freshness';
import { ParticipantWeekEdgeCells1764200000000 } from '../migrations/1764200000000-participant-week-edge-cells';
import { EpisodePreviousWindow1764210000000 } from '../migrations/1764210000000-episode-previous-window';
import { SessionTypeDays1764220000000 } from '../migrations/1764220000000-session-type-days';
import { EpisodeOutcomes1764230000000 } from '../migrations/1764230000000-episode-outcomes';
import { EpisodeOutcomeMonths1764240000000 } from '../migrations/1764240000000-episode-outcome-months';
import { CravingMonths1764250000000 } from '../migrations/1764250000000-craving-months';
import { EpisodeDaysAndSpans1764260000000 } from '../migrations/1764260000000-episode-days-and-spans';
import { EpisodeOutcomeDays1764270000000 } from '../migrations/1764270000000-episode-outcome-days';
import { AuditOutcomeAfterAnswer1764280000000 } from '../migrations/1764280000000-audit-outcome-after-answer';
import { EpisodeCellAccountability1764290000000 } from '../migrations/1764290000000-episode-cell-accountability';
import { ParticipantsServedDays1764300000000 } from '../migrations/1764300000000-participants-served-days';
import { EarlyWarningRankIndex1764310000000 } from '../migrations/1764310000000-early-warning-rank-index';
import { EpisodeOutcomesAllSites1764320000000 } from '../migrations/1764320000000-episode-outcomes-all-sites';
import { SobrietyMonths1764330000000 } from '../migrations/1764330000000-sobriety-months';
import { AuditArgumentsAndSites1764340000000 } from '../migrations/1764340000000-audit-arguments-and-sites';
import { RejectDetails1764350000000 } from '../migrations/1764350000000-reject-details';
import { Releases1764400000000 } from '../migrations/1764400000000-releases';
import { IncrementalDerivedTables1764410000000 } from '../migrations/1764410000000-incremental-derived-tables';
import { MappingProfiles1764450000000 } from '../migrations/1764450000000-mapping-profiles';
import { EpisodeCovariates1764500000000 } from '../migrations/1764500000000-episode-covariates';

/** Every migration, in order. A committed migration is never edited: add a new one. */
export const migrations = [
  InitialSchema1764140000000,
  UsersSessionsAudit1764150000000,
  DerivedMetricTables1764160000000,
  DerivedWarningAndGroupTables1764170000000,
  EpisodeCells1764180000000,
  TableFreshness1764190000000,
  ParticipantWeekEdgeCells1764200000000,
  EpisodePreviousWindow1764210000000,
  SessionTypeDays1764220000000,
  EpisodeOutcomes1764230000000,
  EpisodeOutcomeMonths1764240000000,
  CravingMonths1764250000000,
  EpisodeDaysAndSpans1764260000000,
  EpisodeOutcomeDays1764270000000,
  AuditOutcomeAfterAnswer1764280000000,
  EpisodeCellAccountability1764290000000,
  ParticipantsServedDays1764300000000,
  EarlyWarningRankIndex1764310000000,
  EpisodeOutcomesAllSites1764320000000,
  SobrietyMonths1764330000000,
  AuditArgumentsAndSites1764340000000,
  RejectDetails1764350000000,
  Releases1764400000000,
  IncrementalDerivedTables1764410000000,
  MappingProfiles1764450000000,
  EpisodeCovariates1764500000000,
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
