import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { GraphQLError, Kind, OperationDefinitionNode } from 'graphql';
import type { AuthenticatedRequest } from '../auth/auth.middleware';
import type { AuditOutcome, AuditRecord, AuditWriter, OpenAuditRecord } from '../auth/audit-log/audit-writer';
import type { CurrentUser } from '../auth/current-user';
import { isFigureQuery } from '../figure-cache/cached-figures.decorator';
import { resolvedRootArguments } from './resolved-arguments';

export type { AuditOutcome } from '../auth/audit-log/audit-writer';

interface GqlContext {
  req?: AuthenticatedRequest;
}

/**
 * Writes one audit_log row for every GraphQL operation a user sends: who (with the sites they were
 * limited to), when, which operation (its root fields), with which variables and which resolved
 * arguments per root field, and how it ended. The row is committed
 * before the response leaves, so no answered query goes unrecorded.
 *
 * A figure query's row is opened when its execution starts, so that the row's commit runs beside
 * the figures' SQL rather than after it; its outcome is set as the response leaves. Other
 * operations (the audit log itself among them, which would otherwise list itself still running)
 * and requests refused before execution are written whole at the end.
 */
export function auditPlugin(writer: AuditWriter): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      let opened: OpenAuditRecord | undefined;
      return {
        async executionDidStart(ctx) {
          const user = ctx.contextValue.req?.user;
          if (!user || !isFigureQuery(ctx.operation)) return;
          opened = writer.open(recordOf(user, ctx));
        },
        async willSendResponse(ctx: GraphQLRequestContext<GqlContext>) {
          const user = ctx.contextValue.req?.user;
          if (!user) return; // unauthenticated requests never get this far
          if (opened) await opened.finish(outcomeOf(ctx));
          else await writer.write({ ...recordOf(user, ctx), outcome: outcomeOf(ctx) });
        },
      };
    },
  };
}

function recordOf(user: CurrentUser, ctx: GraphQLRequestContext<GqlContext>): Omit<AuditRecord, 'outcome'> {
  return {
    userId: user.userId,
    username: user.username,
    role: user.role,
    operation: describeOperation(ctx),
    filters: filtersJson(ctx.request.variables),
    arguments: argumentsJson(ctx),
    sites: user.siteIds,
  };
}

/** The resolved arguments of the root fields, as jsonb text; null when the request never got to run. */
export function argumentsJson(ctx: GraphQLRequestContext<GqlContext>): string | null {
  // Apollo sets the operation only once the document is valid and the operation found.
  if (!ctx.document || !ctx.operation) return null;
  return filtersJson(resolvedRootArguments(ctx.schema, ctx.document, ctx.operation, ctx.request.variables));
}

/**
 * The variables as jsonb accepts them: it refuses a NUL character, and a request holding one must
 * not go unaudited for it (it is recorded with U+FFFD in its place).
 */
export function filtersJson(variables: unknown): string {
  return JSON.stringify(variables ?? {}, (_key, value: unknown) =>
    typeof value === 'string' ? value.replaceAll('\u0000', '\uFFFD') : value,
  );
}

/** The audit log's name of an operation: its name and root fields, e.g. `Retention { retention }`. */
export function describeOperation(ctx: GraphQLRequestContext<GqlContext>): string {
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
  // A plugin's own answer (a refusal such as 429) carries its errors in the body only.
  const body = ctx.response.body;
  const answered = body?.kind === 'single' ? (body.singleResult.errors ?? []) : [];
  const errors: readonly Pick<GraphQLError, 'extensions' | 'originalError'>[] = ctx.errors?.length
    ? ctx.errors
    : answered.map((e) => ({ extensions: e.extensions ?? {}, originalError: undefined }));
  const outcomes = errors.map(classify);
  if (!outcomes.length) return 'allowed';
  if (outcomes.includes('forbidden')) return 'forbidden';
  return outcomes.every((o) => o === 'invalid') ? 'invalid' : 'error';
}

/** Nest's HTTP exceptions only get their GraphQL code when formatted; read their status instead. */
function classify(error: Pick<GraphQLError, 'extensions' | 'originalError'>): AuditOutcome {
  const status = (error.originalError as { getStatus?: () => number } | undefined)?.getStatus?.();
  const code = error.extensions?.code;
  if (status === 401 || status === 403 || code === 'FORBIDDEN') return 'forbidden';
  if (
    (status !== undefined && status >= 400 && status < 500) ||
    (typeof code === 'string' && INVALID_CODES.has(code))
  ) {
    return 'invalid';
  }
  return 'error';
}

const INVALID_CODES = new Set([
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'TOO_MANY_REQUESTS',
]);
