// A participant's episodes must not overlap (the database holds the same rule as an exclusion
// constraint, so a miss here fails the load instead of storing an overlap). Episodes are compared
// as the constraint does: admission to discharge inclusive, an open episode running on forever.
//
// An episode of the file is rejected when it overlaps
//   1. a stored episode that this file does not replace (same enrollment_id, not rejected), or
//   2. an episode on an earlier line of this file that was not rejected by rule 1 or before,
// so a corrected export that moves episodes around goes in, and of two overlapping rows of one file
// the first stays, as if the file had been applied line by line.
//
// Rule 1 is asked again once every other rule of the file has run, until it finds nothing more
// (checks/index.ts): a row rejected after it was first asked keeps its stored episode where it
// was, and an episode of the file that was cleared because that stored one was moving away would
// overlap it. So what is judged is the episodes as the load leaves them, never a moment between
// two of its rows; the database's exclusion constraint, checked at the end of each statement
// (DEFERRABLE), then never refuses a load.

import { STAGE } from '../tables';
import { type DatabaseCheck, NOT_REJECTED, notRejected, sqlText } from './check';

const RULE = "; a participant's episodes must not overlap";
const OVERLAPS_STORED = `the episode overlaps an episode of the same participant already stored${RULE}`;
const OVERLAPS_IN_FILE = `the episode overlaps an episode on an earlier line of this file${RULE}`;

function span(alias: string): string {
  return `${alias}.admission_date || ' to ' || coalesce(${alias}.discharge_date::text, 'open')`;
}

function window(alias: string): string {
  return `daterange(${alias}.admission_date, ${alias}.discharge_date, '[]')`;
}

export const noOverlapWithStoredEpisodes: DatabaseCheck = {
  name: 'no overlap with stored episodes',
  sql: `SELECT DISTINCT ON (s.line) s.line, 'admission_date' AS column_name, s.admission_date::text AS value,
               ${sqlText(OVERLAPS_STORED)} AS reason,
               'this episode ' || ${span('s')} || '; the stored one ' || ${span('e')} ||
               coalesce(' (kept: its row on line ' || (SELECT max(r.line) FROM ${STAGE} r WHERE r.enrollment_id = e.enrollment_id) ||
                        ' was rejected)', '') AS detail
        FROM ${STAGE} s
        JOIN enrollment e ON e.participant_id = s.participant_id AND e.enrollment_id <> s.enrollment_id
                         AND ${window('e')} && ${window('s')}
        WHERE ${NOT_REJECTED}
          AND NOT EXISTS (SELECT 1 FROM ${STAGE} r WHERE r.enrollment_id = e.enrollment_id AND ${notRejected('r')})
        ORDER BY s.line, e.admission_date`,
};

export const noOverlapWithinFile: DatabaseCheck = {
  name: 'no overlap within the file',
  sql: `SELECT DISTINCT ON (s.line) s.line, 'admission_date' AS column_name, s.admission_date::text AS value,
               ${sqlText(OVERLAPS_IN_FILE)} AS reason,
               'this episode ' || ${span('s')} || '; the one on line ' || o.line || ' ' || ${span('o')} AS detail
        FROM ${STAGE} s
        JOIN ${STAGE} o ON o.participant_id = s.participant_id AND o.line < s.line AND ${window('o')} && ${window('s')}
        WHERE ${NOT_REJECTED} AND ${notRejected('o')}
        ORDER BY s.line, o.line`,
};
