import { createHash, randomBytes } from 'node:crypto';
import type { CurrentUser } from './current-user';
import type { Queryable } from './queryable';
import type { DerivedStamp } from '@iop/metrics';
import { DATA_VERSION_SQL, dataVersionOf, DERIVED_META_SQL } from '../episodes/derived-data';
import { isRole } from './roles';

/** Sessions end after this long without a request, and in any case after the absolute limit. */
export const SESSION_IDLE_MINUTES = 60;
export const SESSION_ABSOLUTE_HOURS = 12;
/** The idle expiry is moved forward by a request at most this often. */
export const SESSION_TOUCH_SECONDS = 30;

/**
 * A live session's user, and the data version (see DATA_VERSION_SQL) and the derived tables'
 * stamp read in the same statement: every request needs the user and the version (the figure
 * cache needs it before it answers), and every figure query the stamp.
 */
export interface SessionCheck {
  user: CurrentUser;
  dataVersion: string | null;
  derivedMeta: DerivedStamp | null;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Server-side sessions: the cookie holds a random token, the table only its hash. */
export class SessionStore {
  constructor(private readonly db: Queryable) {}

  async create(userId: number): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const rows = await this.db.query<{ expiresAt: Date }>(
      `INSERT INTO user_session (token_hash, user_id, csrf_token, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(mins => $4)) RETURNING expires_at AS "expiresAt"`,
      [hashToken(token), userId, csrfToken, SESSION_IDLE_MINUTES],
    );
    return { token, csrfToken, expiresAt: rows[0].expiresAt };
  }

  /**
   * The user of a live session, sliding its idle expiry forward; undefined when the token is
   * unknown, expired (idle or absolute), or its user disabled. The expiry moves at most once every
   * SESSION_TOUCH_SECONDS: a dashboard page sends several queries at once, and a write (a commit
   * to disk) per request would cost more than the answers themselves once those are cached. The
   * idle limit is then honoured to within that interval.
   */
  async touch(token: string): Promise<SessionCheck | undefined> {
    const rows = await this.db.query<
      CurrentUser & { role: string; dataVersion: string | null; derivedMeta: DerivedStamp | null }
    >(
      `WITH live AS (
         SELECT s.token_hash, u.user_id, u.username, u.role, u.site_ids, s.csrf_token, s.last_seen_at
           FROM user_session s JOIN app_user u ON u.user_id = s.user_id
          WHERE s.token_hash = $1 AND u.disabled_at IS NULL AND s.expires_at > now()
       ), touched AS (
         UPDATE user_session s
            SET last_seen_at = now(),
                expires_at = least(now() + make_interval(mins => $2), s.created_at + make_interval(hours => $3))
           FROM live
          WHERE s.token_hash = live.token_hash AND live.last_seen_at < now() - make_interval(secs => $4)
       )
       SELECT user_id AS "userId", username, role, site_ids AS "siteIds", csrf_token AS "csrfToken",
              ${DATA_VERSION_SQL} AS "dataVersion", ${DERIVED_META_SQL} AS "derivedMeta"
         FROM live`,
      [hashToken(token), SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS, SESSION_TOUCH_SECONDS],
      'iop_session_touch',
    );
    const row = rows[0];
    if (!row || !isRole(row.role)) return undefined;
    const { dataVersion, derivedMeta, ...user } = row;
    return {
      user: { ...user, userId: Number(user.userId), role: row.role },
      dataVersion: dataVersionOf(dataVersion),
      derivedMeta,
    };
  }

  async delete(token: string): Promise<void> {
    await this.db.query(`DELETE FROM user_session WHERE token_hash = $1`, [hashToken(token)]);
  }

  /** Housekeeping: expired sessions are useless; drop them now and then. */
  async deleteExpired(): Promise<void> {
    await this.db.query(`DELETE FROM user_session WHERE expires_at <= now()`);
  }
}
