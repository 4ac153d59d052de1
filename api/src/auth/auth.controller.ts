import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
} from '../database/database-unavailable';
import type { AuthenticatedRequest } from './auth.middleware';
import { clearSessionCookies, readCookies, SESSION_COOKIE, setSessionCookies } from './cookies';
import { LoginThrottle } from './login-throttle';
import { DUMMY_HASH, verifyPassword } from './password';
import { Public, Roles, ROLES } from './roles';
import { queryableOf } from './queryable';
import { SessionStore } from './session-store';
import { UserStore } from './user-store';

export interface SignedInUser {
  username: string;
  role: string;
  siteIds: string[] | null;
}

/** Failed sign-ins allowed in the throttle's window, per user name and per client address. */
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

/** Sign-in, sign-out and "who am I" for the dashboard. */
@Controller('auth')
export class AuthController {
  private readonly users: UserStore;
  private readonly sessions: SessionStore;
  private readonly throttle = new LoginThrottle();
  private readonly secureCookies = process.env.NODE_ENV === 'production';

  constructor(dataSource: DataSource) {
    this.users = new UserStore(queryableOf(dataSource));
    this.sessions = new SessionStore(queryableOf(dataSource));
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: { username?: unknown; password?: unknown },
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SignedInUser> {
    const username = typeof body?.username === 'string' ? body.username.trim().toLowerCase() : '';
    const password = typeof body?.password === 'string' ? body.password : '';
    if (!username || !password) throw new HttpException('Enter your user name and password.', HttpStatus.BAD_REQUEST);
    const keys = [
      { key: `user:${username}`, maxFailures: MAX_FAILURES_PER_USER },
      // req.ip: the socket's address unless TRUST_PROXY names the proxy it came through.
      { key: `ip:${req.ip ?? 'unknown'}`, maxFailures: MAX_FAILURES_PER_ADDRESS },
    ];
    const wait = this.throttle.retryAfterMs(keys);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      throw new HttpException(
        `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    try {
      const user = await this.users.findByUsername(username);
      // Compare against a dummy hash for unknown users: the answer takes as long either way.
      const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !valid || user.disabledAt) {
        this.throttle.recordFailure(keys);
        throw new HttpException('The user name or password is not right.', HttpStatus.UNAUTHORIZED);
      }
      this.throttle.recordSuccess(keys);
      await this.sessions.deleteExpired();
      setSessionCookies(res, await this.sessions.create(user.userId), { secure: this.secureCookies });
      return { username: user.username, role: user.role, siteIds: user.siteIds };
    } catch (error) {
      // The login page shows the message: "retry in a moment", not a bare 500.
      if (!isDatabaseUnavailable(error)) throw error;
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      throw new HttpException(DATABASE_UNAVAILABLE_MESSAGE, HttpStatus.SERVICE_UNAVAILABLE);
    }
  }

  @Roles(...ROLES)
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = readCookies(req.headers.cookie)[SESSION_COOKIE];
    if (token) await this.sessions.delete(token);
    clearSessionCookies(res);
  }

  @Roles(...ROLES)
  @Get('me')
  me(@Req() req: AuthenticatedRequest): SignedInUser {
    const user = req.user!;
    return { username: user.username, role: user.role, siteIds: user.siteIds };
  }
}
