import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/auth.middleware';
import { AuditWriter } from '../auth/audit-log/audit-writer';
import { filtersJson } from '../graphql/audit-plugin';
import { AnswerRequest, answerKey, CachedAnswer } from './cached-answer';
import { FigureCache } from './figure-cache';

const GRAPHQL_PATH = '/graphql';

/**
 * The figure cache's fast path, right after the session check: a POST /graphql whose body asks
 * exactly what an earlier request of the same role and sites asked (since the last load) gets the
 * same answer without GraphQL, which had parsed, validated, authorised and answered that body
 * then. Everything else, and any request whose answer is not known yet, goes on to GraphQL (and
 * its figureCachePlugin). The audit log records the request as GraphQL would have.
 */
@Injectable()
export class CachedAnswerMiddleware implements NestMiddleware {
  constructor(
    private readonly cache: FigureCache,
    private readonly audit: AuditWriter,
  ) {}

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    const { user, dataVersion } = req;
    const body = req.body as unknown;
    if (
      req.method !== 'POST' ||
      req.originalUrl.split('?')[0] !== GRAPHQL_PATH ||
      !user ||
      !dataVersion ||
      !this.cache.enabled ||
      !isAnswerRequest(body)
    ) {
      return next();
    }
    const entry = this.cache.get(dataVersion, answerKey(user, body));
    const answer = entry ? ((await entry) as CachedAnswer | null) : null;
    if (!answer) return next();
    answer.body ??= Buffer.from(JSON.stringify({ data: answer.data }));
    const { userId, username, role, siteIds } = user;
    await this.audit.write({
      userId,
      username,
      role,
      operation: answer.operation,
      filters: filtersJson(body.variables),
      arguments: answer.arguments,
      sites: siteIds,
      outcome: 'allowed',
    });
    res.status(200).type('application/json; charset=utf-8').send(answer.body);
  }
}

/** A plain GraphQL POST body: a query, perhaps an operation name and variables, nothing else. */
function isAnswerRequest(body: unknown): body is AnswerRequest & { query: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { query, operationName, variables, ...rest } = body as Record<string, unknown>;
  return (
    typeof query === 'string' &&
    Object.keys(rest).length === 0 &&
    (operationName === undefined || operationName === null || typeof operationName === 'string') &&
    (variables === undefined || variables === null || (typeof variables === 'object' && !Array.isArray(variables)))
  );
}
