import { csrfHeaders } from '../api/csrf';
import { isRole, type Session, type SignedInUser } from './roles';

/** The answer to a sign-in attempt: the user, or a message to show next to the form. */
export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; message: string };

function toUser(body: unknown): SignedInUser | null {
  if (typeof body !== 'object' || body === null) return null;
  const { username, role, siteIds } = body as Record<string, unknown>;
  if (typeof username !== 'string' || !isRole(role)) return null;
  const sites = Array.isArray(siteIds) ? siteIds.filter((s): s is string => typeof s === 'string') : null;
  return { username, role, siteIds: sites };
}

async function messageOf(response: Response): Promise<string | null> {
  const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
  const message = body?.message;
  if (typeof message === 'string') return message;
  // Nest's validation errors send a list of messages.
  if (Array.isArray(message) && typeof message[0] === 'string') return message.join(' ');
  return null;
}

const SIGN_IN_MESSAGES: Record<number, string> = {
  400: 'Enter your user name and password.',
  401: 'The user name or password is not right.',
  429: 'Too many sign-in attempts. Wait a few minutes, then try again.',
};

export async function signIn(username: string, password: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ username, password }),
    });
  } catch {
    return { ok: false, message: 'The server cannot be reached. Check your connection, then try again.' };
  }
  if (response.ok) {
    const user = toUser(await response.json().catch(() => null));
    return user ? { ok: true, user } : { ok: false, message: 'The server sent an answer the page cannot read.' };
  }
  const message = (await messageOf(response)) ?? SIGN_IN_MESSAGES[response.status];
  return { ok: false, message: message ?? `Signing in failed (the server answered ${response.status}).` };
}

export async function signOut(): Promise<void> {
  // Whatever the answer, the page forgets the session; the server ends it when it can.
  await fetch('/auth/logout', { method: 'POST', headers: csrfHeaders(), credentials: 'same-origin' }).catch(
    () => undefined,
  );
}

/** Who is signed in: 401 = nobody; 404 = a server without sign-in (every page shown). */
export async function fetchSession(): Promise<Session> {
  const response = await fetch('/auth/me', { headers: csrfHeaders(), credentials: 'same-origin' });
  if (response.status === 401) return { status: 'signed-out' };
  if (response.status === 404) return { status: 'open' };
  if (!response.ok) throw new Error(`Checking your sign-in failed (the server answered ${response.status}).`);
  const user = toUser(await response.json().catch(() => null));
  if (!user) throw new Error('The server sent a sign-in answer the page cannot read.');
  return { status: 'signed-in', user };
}
