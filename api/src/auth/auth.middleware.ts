import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { CSRF_HEADER, readCookies, SESSION_COOKIE } from './cookies';
import { CurrentUser, runAsUser } from './current-user';
import { queryableOf } from './queryable';
import { SessionStore } from './session-store';

export interface AuthenticatedRequest extends Request {
  user?: CurrentUser;
}

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
    const user = token ? await this.sessions.touch(token).catch(() => undefined) : undefined;
    if (!user) return deny(res, 401, 'UNAUTHENTICATED', 'Sign in to continue.');
    if (req.headers[CSRF_HEADER] !== user.csrfToken) {
      return deny(res, 403, 'CSRF', 'This request did not come from the dashboard page. Reload the page and retry.');
    }
    req.user = user;
    runAsUser(user, next);
  }
}

function deny(res: Response, status: number, code: string, message: string): void {
  // GraphQL-shaped, so that the dashboard's client shows the message whichever route was called.
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
