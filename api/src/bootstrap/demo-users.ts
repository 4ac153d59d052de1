import { hashPassword } from '../auth/password';
import type { Queryable } from '../auth/queryable';
import type { Role } from '../auth/roles';
import { UserStore } from '../auth/user-store';

/**
 * One user per role for trying the demo. Their passwords are public (printed and in the README), so
 * they are flagged as demo users, and a production server refuses to start while one is active.
 */
export const DEMO_USERS: readonly { username: string; role: Role; password: string }[] = [
  { username: 'director', role: 'director', password: 'demo-director-pw' },
  { username: 'quality', role: 'quality', password: 'demo-quality-pw' },
  { username: 'funder', role: 'funder', password: 'demo-funder-pw' },
];

export async function createDemoUsers(db: Queryable): Promise<void> {
  const users = new UserStore(db);
  for (const demo of DEMO_USERS) {
    if (await users.findByUsername(demo.username)) continue;
    await users.create({ ...demo, passwordHash: await hashPassword(demo.password), siteIds: null, isDemo: true });
  }
}

/** The sign-in lines printed at start while the demo users are active. */
export async function demoSignInLines(db: Queryable): Promise<string[]> {
  const active = new Set(await new UserStore(db).activeDemoUsers());
  return DEMO_USERS.filter((u) => active.has(u.username)).map(
    (u) => `  ${u.role.padEnd(9)} user "${u.username}", password "${u.password}"`,
  );
}
