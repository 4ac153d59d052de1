import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The loader's records split what a quality user may read from what only a director may: each
 * reject's `reason` becomes a fixed text (a template: no participant, episode or session id, no
 * rejected value, so that rejects group by it), and the specifics (ids, values, dates, lines) go
 * into a new `detail`. File and load messages get the same split (etl_load_file.detail,
 * etl_load.detail): a refused header may quote data values, a failed load a server path.
 *
 * Existing rows were written as free text that may name participants, and a template cannot be
 * told apart from the specifics in them reliably. So their text moves whole into `detail` (still
 * there for directors) and `reason`/`message` become one fixed text saying so: nothing written
 * before this migration reaches a quality user, and nothing is lost. `down` puts the text back.
 */
export const LEGACY_REASON = 'rejected by an earlier version of the loader (the reason is in the detail)';
export const LEGACY_MESSAGE = 'recorded by an earlier version of the loader (the message is in the detail)';

export class RejectDetails1764350000000 implements MigrationInterface {
  name = 'RejectDetails1764350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE etl_reject ADD COLUMN detail text NULL`);
    await q.query(`ALTER TABLE etl_load_file ADD COLUMN detail text NULL`);
    await q.query(`ALTER TABLE etl_load ADD COLUMN detail text NULL`);
    await q.query(`UPDATE etl_reject SET detail = reason, reason = $1`, [LEGACY_REASON]);
    for (const table of ['etl_load_file', 'etl_load']) {
      await q.query(`UPDATE ${table} SET detail = message, message = $1 WHERE message IS NOT NULL`, [LEGACY_MESSAGE]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // The older schema has one text: the reason, with its specifics after it.
    await q.query(
      `UPDATE etl_reject SET reason = CASE WHEN reason = $1 THEN detail ELSE reason || ' (' || detail || ')' END
       WHERE detail IS NOT NULL`,
      [LEGACY_REASON],
    );
    for (const table of ['etl_load_file', 'etl_load']) {
      await q.query(
        `UPDATE ${table} SET message = CASE WHEN message = $1 THEN detail
                                            ELSE coalesce(message || ' (' || detail || ')', detail) END
         WHERE detail IS NOT NULL`,
        [LEGACY_MESSAGE],
      );
    }
    await q.query(`ALTER TABLE etl_load DROP COLUMN detail`);
    await q.query(`ALTER TABLE etl_load_file DROP COLUMN detail`);
    await q.query(`ALTER TABLE etl_reject DROP COLUMN detail`);
  }
}
