import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users of the dashboard, their sign-in sessions, and the audit log of every query they make. */
export class UsersSessionsAudit1764150000000 implements MigrationInterface {
  name = 'UsersSessionsAudit1764150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        user_id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username            text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{2,63}$'),
        password_hash       text NOT NULL,
        role                text NOT NULL CHECK (role IN ('director', 'quality', 'funder')),
        -- NULL: every site. Otherwise the only sites this user may see, in every query and total.
        site_ids            text[] CHECK (site_ids IS NULL OR cardinality(site_ids) > 0),
        is_demo             boolean NOT NULL DEFAULT false,
        disabled_at         timestamptz,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at          timestamptz NOT NULL DEFAULT now()
      )`);
    // Only a hash of the session token is stored: a leaked table does not open sessions.
    await q.query(`
      CREATE TABLE user_session (
        token_hash   bytea PRIMARY KEY,
        user_id      bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
        csrf_token   text NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX user_session_user_idx ON user_session (user_id)`);
    await q.query(`
      CREATE TABLE audit_log (
        audit_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at        timestamptz NOT NULL DEFAULT now(),
        user_id   bigint REFERENCES app_user ON DELETE SET NULL,
        username  text NOT NULL,
        role      text NOT NULL,
        operation text NOT NULL,
        filters   jsonb,
        outcome   text NOT NULL CHECK (outcome IN ('allowed', 'forbidden', 'invalid', 'error'))
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP TABLE user_session`);
    await q.query(`DROP TABLE app_user`);
  }
}
