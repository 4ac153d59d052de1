import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { AuditLogModule } from './auth/audit-log/audit-log.module';
import { AuditWriter } from './auth/audit-log/audit-writer';
import { AuthModule } from './auth/auth.module';
import { graphqlOptions } from './graphql/graphql-options';
import { ConnectionShare } from './database/connection-share';
import { DatabaseModule } from './database/database.module';
import { FigureCache, FigureCacheModule } from './figure-cache';
import { FreshnessModule } from './freshness/freshness.module';
import { HealthModule } from './health/health.module';
import { AttendanceModule } from './attendance/attendance.module';
import { EarlyWarningModule } from './early-warning/early-warning.module';
import { SessionFeedbackModule } from './feedback/session-feedback.module';
import { EpisodeAccountabilityModule } from './accountability/episode-accountability.module';
import { DrilldownModule } from './drilldown/drilldown.module';
import { LoadsModule } from './loads/loads.module';
import { MappingModule } from './mapping/mapping.module';
import { SitesModule } from './sites/sites.module';
import { OutcomeReportModule } from './outcome-report/outcome-report.module';
import { ReportExportModule } from './report-export/report-export.module';
import { ReleasesModule } from './releases/releases.module';
import { OverviewModule } from './overview/overview.module';
import { RetentionModule } from './retention/retention.module';
import { AdjustedComparisonModule } from './adjusted/adjusted.module';
import { SobrietyModule } from './sobriety/sobriety.module';
import { InboxModule } from './inbox/inbox.module';
import type { InboxSettings } from './inbox/inbox-settings';
import { ParticipantModule } from './participant/participant.module';
import { CohortTrendsModule } from './cohort-trends/cohort-trends.module';

export interface AppOptions {
  databaseUrl: string;
  production: boolean;
  logSql?: boolean;
  /** The watched inbox (config INBOX_DIR): polled by the server when set. */
  inbox?: InboxSettings | null;
}

/** Every feature module of the API (authentication first: its middleware guards the rest). */
export const FEATURE_MODULES = [
  AuthModule,
  HealthModule,
  FreshnessModule,
  RetentionModule,
  AdjustedComparisonModule,
  SobrietyModule,
  CohortTrendsModule,
  EpisodeAccountabilityModule,
  OverviewModule,
  DrilldownModule,
  AttendanceModule,
  SessionFeedbackModule,
  EarlyWarningModule,
  ParticipantModule,
  OutcomeReportModule,
  ReportExportModule,
  ReleasesModule,
  SitesModule,
  LoadsModule,
  MappingModule,
];

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forUrl(options.databaseUrl, { logSql: options.logSql }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuditLogModule, FigureCacheModule],
          inject: [DataSource, AuditWriter, FigureCache, ConnectionShare],
          useFactory: (dataSource: DataSource, audit: AuditWriter, cache: FigureCache, connections: ConnectionShare) =>
            graphqlOptions(dataSource, audit, cache, connections, options.production),
        }),
        ...FEATURE_MODULES,
        ...(options.inbox ? [InboxModule.forSettings(options.inbox)] : []),
      ],
    };
  }
}
