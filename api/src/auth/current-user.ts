import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from './roles';

/** The signed-in user of the request being served. */
export interface CurrentUser {
  userId: number;
  username: string;
  role: Role;
  /** null: every site; otherwise the only sites this user may see. */
  siteIds: string[] | null;
  csrfToken: string;
}

/** What deep code may know of the request being served. */
interface RequestScope {
  user: CurrentUser;
  /** Answers read once per request (see requestMemo). */
  memo: Map<string, Promise<unknown>>;
}

const storage = new AsyncLocalStorage<RequestScope>();

/**
 * Runs the rest of a request with its user, so deep code (query scoping) can see who asks.
 * `known`: answers of requestMemo read already (with the session), by key.
 */
export function runAsUser<T>(user: CurrentUser, work: () => T, known: Record<string, unknown> = {}): T {
  const memo = new Map(Object.entries(known).map(([key, value]) => [key, Promise.resolve(value)]));
  return storage.run({ user, memo }, work);
}

/** The user of the current request, or undefined outside a request (scripts, tests of services). */
export function currentUser(): CurrentUser | undefined {
  return storage.getStore()?.user;
}

/**
 * `read()` once per request under `key`: every later call in the same request gets the same
 * answer (the funder report's ten figure services read the derived tables' stamp once, and all
 * of them see the same one). Outside a request, `read()` runs every time.
 */
export function requestMemo<T>(key: string, read: () => Promise<T>): Promise<T> {
  const memo = storage.getStore()?.memo;
  if (!memo) return read();
  let answer = memo.get(key) as Promise<T> | undefined;
  if (!answer) memo.set(key, (answer = read()));
  return answer;
}
