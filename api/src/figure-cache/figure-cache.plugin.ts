import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from '../auth/auth.middleware';
import { dataVersion } from '../episodes';
import { isFigureQuery } from './cached-figures.decorator';
import { argumentsJson, describeOperation } from '../graphql/audit-plugin';
import { answerKey, CachedAnswer } from './cached-answer';
import { FigureCache } from './figure-cache';

interface GqlContext {
  req?: AuthenticatedRequest;
}

/**
 * Serves whole responses of figure queries from the FigureCache, after Apollo has parsed and
 * validated the request (so a bad request is still refused) and before it executes. The key is the
 * document, its variables and the user's role and site limits: the guards and the site scoping
 * gave the cached answer to a user with the same role and sites, so they would give it to this
 * one. The audit log still records every request (its plugin runs in willSendResponse). Requests
 * repeating a known answer exactly are mostly served before GraphQL (CachedAnswerMiddleware).
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
          if (!user || !cache.enabled || !isFigureQuery(ctx.operation)) return null;
          // Read with the session by the auth middleware; else (no session check) read now.
          const version = req.dataVersion !== undefined ? req.dataVersion : await dataVersion(dataSource);
          if (version === null) return null; // written outside the loader: nothing may be reused
          const key = answerKey(user, ctx.request);
          const cached = cache.get(version, key);
          if (cached) {
            const answer = (await cached) as CachedAnswer | null;
            if (answer === null) return null;
            return { body: { kind: 'single', singleResult: { data: answer.data } }, http: ctx.response.http };
          }
          cache.set(version, key, new Promise((resolve) => (settle = resolve)));
          return null;
        },
        async willSendResponse(ctx: GraphQLRequestContext<GqlContext>) {
          if (!settle) return;
          const body = ctx.response.body;
          const single = body?.kind === 'single' ? body.singleResult : undefined;
          const data = single && !single.errors?.length ? single.data : null;
          settle(
            data
              ? ({ data, operation: describeOperation(ctx), arguments: argumentsJson(ctx) } satisfies CachedAnswer)
              : null,
          );
          settle = undefined;
        },
      };
    },
  };
}
