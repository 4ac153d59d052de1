import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { AuthenticatedRequest } from '../auth/auth.middleware';
import { CACHED_QUERY_FIELDS } from '../figure-cache/cached-figures.decorator';
import type { ConnectionShare } from '../database/connection-share';
import { FifoSlotsPerKey } from '../database/fifo-slots';
import type { AroundExecution } from './compiled-executor';
import { COSTLY_FIELDS } from './field-cost.decorator';
import { rootFieldsOf } from './query-cost';

/**
 * Figure requests of one user that execute at once. One: on two cores a second request of the same
 * user finishes no sooner, and it doubles what that user takes from everyone else (bench:load
 * --hostile: another user's small query +31 ms at p95 with one, +66 ms with two, at 10,000
 * participants). A page's few queries then run one after another, each in tens of milliseconds.
 */
export const FIGURE_REQUESTS_PER_USER = 1;

/** Figure requests of one user that may wait for a turn; past them the next is refused (429). */
export const WAITING_REQUESTS_PER_USER = 8;

/** Seconds a refused client is asked to wait before retrying. */
const RETRY_AFTER_SECONDS = 1;

interface GqlContext {
  req?: AuthenticatedRequest;
}

/**
 * Keeps one user's heavy requests from delaying everyone else. Two limits, both per user:
 *
 * - requests that run figure queries execute FIGURE_REQUESTS_PER_USER at a time; more wait their
 *   turn in arrival order, at most WAITING_REQUESTS_PER_USER of them, and beyond that a request is
 *   refused with 429 and TOO_MANY_REQUESTS (the plugin);
 * - while they execute, their statements hold at most ConnectionShare's share of the pool
 *   (aroundExecution, which the compiled executor runs every execution through), so another
 *   user's statement never queues behind theirs for a connection.
 *
 * Answers from the figure cache are not held up: they run no SQL (the cache's plugin answers
 * before this one, its middleware before GraphQL).
 */
export class UserConcurrency {
  private readonly requests = new FifoSlotsPerKey<number>(FIGURE_REQUESTS_PER_USER, WAITING_REQUESTS_PER_USER);

  constructor(private readonly connections: ConnectionShare) {}

  readonly aroundExecution: AroundExecution = (context, work) => {
    const userId = (context as GqlContext | undefined)?.req?.user?.userId;
    return userId === undefined ? work() : this.connections.runAs(userId, work);
  };

  plugin(): ApolloServerPlugin<GqlContext> {
    const requests = this.requests;
    return {
      async requestDidStart() {
        let release: (() => void) | undefined;
        return {
          async responseForOperation(ctx): Promise<GraphQLResponse | null> {
            const user = ctx.contextValue.req?.user;
            if (!user || !runsFigures(ctx)) return null;
            const turn = requests.acquire(user.userId);
            if (!turn) return tooManyRequests();
            release = await turn;
            return null;
          },
          async willSendResponse() {
            release?.();
          },
        };
      },
    };
  }
}

function runsFigures(ctx: GraphQLRequestContext<GqlContext>): boolean {
  if (!ctx.document || !ctx.operation) return false;
  return [...rootFieldsOf(ctx.document, ctx.operation).values()].some(
    (f) => CACHED_QUERY_FIELDS.has(f.name.value) || COSTLY_FIELDS.has(f.name.value),
  );
}

export const TOO_MANY_REQUESTS_MESSAGE =
  `You have ${FIGURE_REQUESTS_PER_USER + WAITING_REQUESTS_PER_USER} figure requests running or waiting already; ` +
  'retry once some have answered.';

function tooManyRequests(): GraphQLResponse {
  const headers = new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]);
  return {
    http: { status: 429, headers },
    body: {
      kind: 'single',
      singleResult: { errors: [{ message: TOO_MANY_REQUESTS_MESSAGE, extensions: { code: 'TOO_MANY_REQUESTS' } }] },
    },
  };
}
