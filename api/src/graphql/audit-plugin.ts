import { Logger } from '@nestjs/common';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { Kind, OperationDefinitionNode } from 'graphql';
import type { Queryable } from '../auth/queryable';
import type { AuthenticatedRequest } from '../auth/auth.middleware';

export type AuditOutcome = 'allowed' | 'forbidden' | 'invalid' | 'error';

interface GqlContext {
  req?: AuthenticatedRequest;
}

const logger = new Logger('Audit');

/**
 * Writes one audit_log row for every GraphQL operation a user sends: who, when, which operation
 * (its root fields), with which filters (the variables), and how it ended. The row is written
 * before the response leaves, so no answered query goes unrecorded.
 */
export function auditPlugin(db: Queryable): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(ctx: GraphQLRequestContext<GqlContext>) {
          const user = ctx.contextValue.req?.user;
          if (!user) return; // unauthenticated requests never get this far
          const operation = describe(ctx);
          const outcome = outcomeOf(ctx);
          try {
            await db.query(
              `INSERT INTO audit_log (user_id, username, role, operation, filters, outcome) VALUES ($1, $2, $3, $4, $5, $6)`,
              [user.userId, user.username, user.role, operation, JSON.stringify(ctx.request.variables ?? {}), outcome],
            );
          } catch (error) {
            logger.error(`Could not write the audit record of ${operation} by ${user.username}: ${String(error)}`);
          }
        },
      };
    },
  };
}

function describe(ctx: GraphQLRequestContext<GqlContext>): string {
  const operation = ctx.document?.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fields = operation?.selectionSet.selections
    .map((s) => (s.kind === Kind.FIELD ? s.name.value : null))
    .filter((name): name is string => name !== null);
  const name = ctx.request.operationName ?? operation?.name?.value;
  const described = [name, fields?.length ? `{ ${fields.join(', ')} }` : null].filter(Boolean).join(' ');
  return (described || 'unparsed request').slice(0, 500);
}

function outcomeOf(ctx: GraphQLRequestContext<GqlContext>): AuditOutcome {
  const errors = ctx.errors ?? [];
  if (!errors.length) return 'allowed';
  const codes = errors.map((e) => e.extensions?.code);
  if (codes.includes('FORBIDDEN')) return 'forbidden';
  if (codes.every((c) => c === 'BAD_REQUEST' || c === 'BAD_USER_INPUT' || c === 'GRAPHQL_VALIDATION_FAILED' || c === 'GRAPHQL_PARSE_FAILED')) {
    return 'invalid';
  }
  return 'error';
}
