// "Must exist": a key that names a row of another table, stored by an earlier load or by an earlier
// file of this one (files are applied in the contract's order, each upserted before the next).

import { STAGE } from '../tables';
import { type DatabaseCheck, sqlText } from './check';

export function mustExist(column: string, table: string, what: string, file: string): DatabaseCheck {
  const reason = `${column} does not match any ${what} (neither stored nor in ${file} of this load)`;
  return {
    name: `${column} exists in ${table}`,
    sql: `SELECT s.line, ${sqlText(column)} AS column_name, s.${column}::text AS value, ${sqlText(reason)} AS reason,
                 NULL::text AS detail
          FROM ${STAGE} s
          WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.${column} = s.${column})`,
  };
}
