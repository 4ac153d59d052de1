import type { CurrentUser } from '../auth/current-user';

/** The `data` of a successful response. */
export type CachedData = Record<string, unknown>;

/** What the figure cache keeps of a successful figure query. */
export interface CachedAnswer {
  data: CachedData;
  /** The audit log's name of the operation (graphql/audit-plugin describeOperation). */
  operation: string;
  /** The audit log's resolved arguments (graphql/audit-plugin argumentsJson): same document, same variables. */
  arguments: string | null;
  /** The response body, serialised once on the first request served without GraphQL. */
  body?: Buffer;
}

/** The parts of a GraphQL request that decide its answer, as sent in a POST body. */
export interface AnswerRequest {
  operationName?: string | null;
  query?: string;
  variables?: Record<string, unknown> | null;
}

/**
 * The cache key of a request: the document, its variables, and the user's role and site limits
 * (the only parts of a user that change an answer, or whether it is allowed).
 */
export function answerKey(user: Pick<CurrentUser, 'role' | 'siteIds'>, request: AnswerRequest): string {
  return JSON.stringify([
    user.role,
    user.siteIds,
    request.operationName ?? null,
    request.query,
    request.variables ?? {},
  ]);
}
