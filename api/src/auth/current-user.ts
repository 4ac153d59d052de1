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

const storage = new AsyncLocalStorage<CurrentUser>();

/** Runs the rest of a request with its user, so deep code (query scoping) can see who asks. */
export function runAsUser<T>(user: CurrentUser, work: () => T): T {
  return storage.run(user, work);
}

/** The user of the current request, or undefined outside a request (scripts, tests of services). */
export function currentUser(): CurrentUser | undefined {
  return storage.getStore();
}
