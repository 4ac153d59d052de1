import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { queryableOf } from '../auth/queryable';
import { auditPlugin } from './audit-plugin';
import { formatError } from './format-error';
import { queryLimitsRule } from './query-limits';

/** Apollo's configuration: limits, error hygiene and the audit log, for every request. */
export function graphqlOptions(dataSource: DataSource, production: boolean): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    // The committed api/schema.gql is checked against the code by api/src/schema.spec.ts.
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: [queryLimitsRule],
    formatError,
    plugins: [auditPlugin(queryableOf(dataSource))],
    context: ({ req, res }: { req: Request; res: Response }) => ({ req, res }),
  };
}
