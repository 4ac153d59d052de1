import type { Response } from 'express';

export const SESSION_COOKIE = 'iop_session';
/** Readable by the page, which echoes it in the x-csrf-token header of every API call. */
export const CSRF_COOKIE = 'iop_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Cookie values of a request, without a parser dependency. */
export function readCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // a malformed value is as good as none
    }
  }
  return cookies;
}

export function setSessionCookies(
  res: Response,
  session: { token: string; csrfToken: string },
  options: { secure: boolean },
): void {
  const base = { sameSite: 'strict' as const, secure: options.secure, path: '/' };
  // No maxAge: a browser session cookie; the server ends the session on idle or absolute expiry.
  res.cookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
  res.cookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
  res.clearCookie(CSRF_COOKIE, { path: '/' });
}
