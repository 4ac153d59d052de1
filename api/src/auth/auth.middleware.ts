import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
} from '../database/database-unavailable';
import { CSRF_HEADER, readCookies, SESSION_COOKIE } from './cookies';
import { DERIVED_META_MEMO } from '../episodes/derived-data';
import { CurrentUser, runAsUser } from './current-user';
import { queryableOf } from './queryable';
import { SessionCheck, SessionStore } from './session-store';

export interface AuthenticatedRequest extends Request {
  user?: CurrentUser;
  /** The data version read with the session (null: derived tables stale, nothing to reuse). */
  dataVersion?: string | null;
}

const logger = new Logger('Auth');

/** Paths that answer without a session: signing in, and liveness for supervisors. */
const PUBLIC_PATHS = new Set(['/auth/login', '/health']);

/**
 * Every API request is authenticated here, before GraphQL parses it: the session cookie must name a
 * live session, and the x-csrf-token header must equal that session's token (a cross-site page can
 * make the browser send the cookie, but cannot read the token). The user is then available to the
 * guards, to the query scoping (site limits) and to the audit log.
 */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  private readonly sessions: SessionStore;

  constructor(dataSource: DataSource) {
    this.sessions = new SessionStore(queryableOf(dataSource));
  }

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    // originalUrl: Nest mounts middleware below a route prefix, which rewrites req.path.
    const path = req.originalUrl.split('?')[0];
    if (PUBLIC_PATHS.has(path)) return next();
    const token = readCookies(req.headers.cookie)[SESSION_COOKIE];
    let session: SessionCheck | undefined;
    try {
      session = token ? await this.sessions.touch(token) : undefined;
    } catch (error) {
      // Not "signed out": the session may be fine, only unreadable now. Saying 401 would send the
      // dashboard to the sign-in page, where signing in fails too.
      if (isDatabaseUnavailable(error)) return denyUnavailable(res);
      logger.error(`Session check failed: ${error instanceof Error ? error.stack : String(error)}`);
      return deny(res, 500, 'INTERNAL_SERVER_ERROR', 'Something went wrong on the server. Retry in a moment.');
    }
    if (!session) return deny(res, 401, 'UNAUTHENTICATED', 'Sign in to continue.');
    const { user, dataVersion, derivedMeta } = session;
    if (req.headers[CSRF_HEADER] !== user.csrfToken) {
      return deny(res, 403, 'CSRF', 'This request did not come from the dashboard page. Reload the page and retry.');
    }
    req.user = user;
    req.dataVersion = dataVersion;
    runAsUser(user, next, { [DERIVED_META_MEMO]: derivedMeta });
  }
}

/** 503 with Retry-After, GraphQL-shaped like the other refusals. */
function denyUnavailable(res: Response): void {
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  deny(res, 503, 'SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE);
}

function deny(res: Response, status: number, code: string, message: string): void {
  // GraphQL-shaped, so that the dashboard's client shows the message whichever route was called.
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
