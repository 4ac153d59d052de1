import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { AuditWriter } from '../auth/audit-log/audit-writer';
import type { ConnectionShare } from '../database/connection-share';
import { FigureCache, figureCachePlugin } from '../figure-cache';
import { auditPlugin } from './audit-plugin';
import { CompiledExecutor } from './compiled-executor';
import { formatError } from './format-error';
import { queryCostRule } from './query-cost';
import { queryLimitsRule } from './query-limits';
import { UserConcurrency } from './user-concurrency';

/** Apollo's configuration: limits, error hygiene, the audit log, the figure cache and per-user concurrency. */
export function graphqlOptions(
  dataSource: DataSource,
  audit: AuditWriter,
  cache: FigureCache,
  connections: ConnectionShare,
  production: boolean,
): ApolloDriverConfig {
  const concurrency = new UserConcurrency(connections);
  const executor = new CompiledExecutor(concurrency.aroundExecution);
  const config: ApolloDriverConfig = {
    driver: ApolloDriver,
    // The committed api/schema.gql is checked against the code by api/src/schema.spec.ts.
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: [queryLimitsRule, queryCostRule],
    formatError,
    plugins: [
      auditPlugin(audit),
      figureCachePlugin(dataSource, cache),
      // After the cache: a cached answer runs no SQL and never waits for a turn.
      concurrency.plugin(),
      // Apollo's default cache-control plugin hooks every resolved field (thousands in a weekly
      // breakdown) to compute HTTP cache hints this API never sends: answers are private, per user.
      ApolloServerPluginCacheControlDisabled(),
    ],
    transformSchema: executor.captureSchema,
    context: ({ req, res }: { req: Request; res: Response }) => ({ req, res }),
  };
  // Operations run compiled (graphql-jit; see CompiledExecutor). Apollo takes another executor only
  // as a `gateway`, an option Nest's config type leaves out; Nest passes it on to Apollo as is.
  return Object.assign(config, { gateway: executor.gateway() });
}
