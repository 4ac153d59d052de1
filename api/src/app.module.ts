import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { DatabaseModule } from './database/database.module';
import { FreshnessModule } from './freshness/freshness.module';
import { HealthModule } from './health/health.module';
import { AttendanceModule } from './attendance/attendance.module';
import { EarlyWarningModule } from './early-warning/early-warning.module';
import { SessionFeedbackModule } from './feedback/session-feedback.module';
import { EpisodeAccountabilityModule } from './accountability/episode-accountability.module';
import { DrilldownModule } from './drilldown/drilldown.module';
import { OverviewModule } from './overview/overview.module';
import { RetentionModule } from './retention/retention.module';
import { SobrietyModule } from './sobriety/sobriety.module';

export interface AppOptions {
  databaseUrl: string;
  production: boolean;
  logSql?: boolean;
}

/** The feature modules, shared by the running app and the schema printer. */
export const FEATURE_MODULES = [
  HealthModule,
  FreshnessModule,
  RetentionModule,
  SobrietyModule,
  EpisodeAccountabilityModule,
  OverviewModule,
  DrilldownModule,
  AttendanceModule,
  SessionFeedbackModule,
  EarlyWarningModule,
];

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forUrl(options.databaseUrl, { logSql: options.logSql }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          // The committed api/schema.gql is printed by `npm run schema` and checked by a test.
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          playground: false,
          introspection: !options.production,
          includeStacktraceInErrorResponses: false,
        }),
        ...FEATURE_MODULES,
      ],
    };
  }
}
