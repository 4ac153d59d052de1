import type { Queryable } from './queryable';
import { isRole, Role } from './roles';

export interface StoredUser {
  userId: number;
  username: string;
  passwordHash: string;
  role: Role;
  siteIds: string[] | null;
  isDemo: boolean;
  disabledAt: Date | null;
  createdAt: Date;
}

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  siteIds: string[] | null;
  isDemo?: boolean;
}

const COLUMNS = `user_id AS "userId", username, password_hash AS "passwordHash", role, site_ids AS "siteIds",
  is_demo AS "isDemo", disabled_at AS "disabledAt", created_at AS "createdAt"`;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{2,63}$/;

/** Users in Postgres. Usernames are compared in lower case. */
export class UserStore {
  constructor(private readonly db: Queryable) {}

  async create(user: NewUser): Promise<StoredUser> {
    const rows = await this.db.query<StoredUser>(
      `INSERT INTO app_user (username, password_hash, role, site_ids, is_demo) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${COLUMNS}`,
      [user.username.toLowerCase(), user.passwordHash, user.role, user.siteIds, user.isDemo ?? false],
    );
    return checked(rows[0]);
  }

  async findByUsername(username: string): Promise<StoredUser | undefined> {
    const rows = await this.db.query<StoredUser>(`SELECT ${COLUMNS} FROM app_user WHERE username = $1`, [
      username.toLowerCase(),
    ]);
    return rows[0] && checked(rows[0]);
  }

  async list(): Promise<StoredUser[]> {
    return (await this.db.query<StoredUser>(`SELECT ${COLUMNS} FROM app_user ORDER BY username`)).map(checked);
  }

  /** Disables the user and ends all their sessions; false when there is no such user. */
  async disable(username: string): Promise<boolean> {
    const rows = await this.db.query<{ userId: number }>(
      `WITH u AS (UPDATE app_user SET disabled_at = coalesce(disabled_at, now()) WHERE username = $1 RETURNING user_id)
       , s AS (DELETE FROM user_session WHERE user_id IN (SELECT user_id FROM u))
       SELECT user_id AS "userId" FROM u`,
      [username.toLowerCase()],
    );
    return rows.length > 0;
  }

  /** Sets a new password, re-enables the user and ends all their sessions. */
  async resetPassword(username: string, passwordHash: string): Promise<boolean> {
    const rows = await this.db.query<{ userId: number }>(
      `WITH u AS (UPDATE app_user SET password_hash = $2, password_changed_at = now(), disabled_at = NULL, is_demo = false
                  WHERE username = $1 RETURNING user_id)
       , s AS (DELETE FROM user_session WHERE user_id IN (SELECT user_id FROM u))
       SELECT user_id AS "userId" FROM u`,
      [username.toLowerCase(), passwordHash],
    );
    return rows.length > 0;
  }

  async activeDemoUsers(): Promise<string[]> {
    const rows = await this.db.query<{ username: string }>(
      `SELECT username FROM app_user WHERE is_demo AND disabled_at IS NULL ORDER BY username`,
    );
    return rows.map((r) => r.username);
  }

  /** Site IDs that do not exist, to refuse a scoping to unknown sites. */
  async unknownSites(siteIds: string[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM unnest($1::text[]) AS id WHERE NOT EXISTS (SELECT 1 FROM site WHERE site_id = id)`,
      [siteIds],
    );
    return rows.map((r) => r.id);
  }
}

function checked(user: StoredUser): StoredUser {
  if (!isRole(user.role)) throw new Error(`User ${user.username} has an unknown role`);
  return { ...user, userId: Number(user.userId) };
}
