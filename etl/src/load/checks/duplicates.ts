// The same key twice in one file. Rows of a file are applied in order, and a row whose key exists
// replaces the stored row, so the last row of a key wins, as if the file had been loaded line by
// line. The earlier rows are not stored, and each is reported (naming the line that replaced it) so
// that a duplicated export is noticed rather than silently collapsed. Rows that failed an earlier
// check do not count: a later invalid row does not replace an earlier valid one.

import { STAGE } from '../tables';
import { type DatabaseCheck, NOT_REJECTED, notRejected, sqlText } from './check';

export function lastRowWins(keys: readonly string[]): DatabaseCheck {
  const keyList = keys.join(', ');
  const joined = keys.map((k) => `d.${k} = s.${k}`).join(' AND ');
  const value =
    keys.length === 1 ? `s.${keys[0]}::text` : `concat_ws(',', ${keys.map((k) => `s.${k}::text`).join(', ')})`;
  const names = keys.join(' and ');
  const reason = `superseded by a later line of the file with the same ${names}: when a key is repeated in a file the last row wins`;
  return {
    name: `one row per ${keyList}`,
    sql: `WITH repeated AS (
            SELECT ${keyList}, max(line) AS last_line FROM ${STAGE} s
            WHERE ${NOT_REJECTED}
            GROUP BY ${keyList} HAVING count(*) > 1)
          SELECT s.line, ${sqlText(keys.join(','))} AS column_name, ${value} AS value,
                 ${sqlText(reason)} AS reason, 'superseded by line ' || d.last_line AS detail
          FROM ${STAGE} s JOIN repeated d ON ${joined}
          WHERE s.line < d.last_line AND ${notRejected('s')}`,
  };
}
