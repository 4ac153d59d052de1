// The server sets `iop_csrf` readable by the page; echoing it in a header proves the request comes
// from the dashboard (a cross-site page can make the browser send cookies, but cannot read them).
const CSRF_COOKIE = 'iop_csrf';
const CSRF_HEADER = 'x-csrf-token';

/** The value of one cookie in a `document.cookie` string, or null. */
export function readCookie(cookieString: string, name: string): string | null {
  for (const part of cookieString.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    const raw = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

/**
 * Headers every API call carries: the CSRF token, read afresh each time (it changes at sign-in).
 * Without the cookie (not signed in, or a server without sign-in) nothing is added.
 */
export function csrfHeaders(): Record<string, string> {
  const token = typeof document === 'undefined' ? null : readCookie(document.cookie, CSRF_COOKIE);
  return token ? { [CSRF_HEADER]: token } : {};
}
