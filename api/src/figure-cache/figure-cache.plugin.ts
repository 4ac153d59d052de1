import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import { Kind, OperationDefinitionNode } from 'graphql';
import { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from '../auth/auth.middleware';
import { dataVersion } from '../episodes';
import { CACHED_QUERY_FIELDS } from './cached-figures.decorator';
import { FigureCache } from './figure-cache';

interface GqlContext {
  req?: AuthenticatedRequest;
}

/** The `data` of a successful response. */
export type CachedData = Record<string, unknown>;

/**
 * Serves whole responses of figure queries from the FigureCache, after Apollo has parsed and
 * validated the request (so a bad request is still refused) and before it executes. The key is the
 * document, its variables and the user's role and site limits: the guards and the site scoping
 * gave the cached answer to a user with the same role and sites, so they would give it to this
 * one. The audit log still records every request (its plugin runs in willSendResponse).
 * A request is cacheable when it is a query whose every root field is marked @CachedFigures().
 */
export function figureCachePlugin(dataSource: DataSource, cache: FigureCache): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      let settle: ((data: unknown) => void) | undefined;
      return {
        async responseForOperation(ctx): Promise<GraphQLResponse | null> {
          const req = ctx.contextValue.req;
          const user = req?.user;
          if (!user || !cache.enabled || !cacheable(ctx.operation)) return null;
          // Read with the session by the auth middleware; else (no session check) read now.
          const version = req.dataVersion !== undefined ? req.dataVersion : await dataVersion(dataSource);
          if (version === null) return null; // written outside the loader: nothing may be reused
          const key = JSON.stringify([
            user.role,
            user.siteIds,
            ctx.request.operationName ?? null,
            ctx.request.query,
            ctx.request.variables ?? {},
          ]);
          const cached = cache.get(version, key);
          if (cached) {
            const data = (await cached) as CachedData | null;
            return data === null ? null : { body: { kind: 'single', singleResult: { data } }, http: ctx.response.http };
          }
          cache.set(version, key, new Promise((resolve) => (settle = resolve)));
          return null;
        },
        async willSendResponse(ctx: GraphQLRequestContext<GqlContext>) {
          if (!settle) return;
          const body = ctx.response.body;
          const single = body?.kind === 'single' ? body.singleResult : undefined;
          settle(single?.data && !single.errors?.length ? single.data : null);
          settle = undefined;
        },
      };
    },
  };
}

function cacheable(operation: OperationDefinitionNode | undefined): boolean {
  return (
    operation?.operation === 'query' &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && CACHED_QUERY_FIELDS.has(s.name.value))
  );
}
