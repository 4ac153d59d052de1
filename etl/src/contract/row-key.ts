// A row's key as one string, for spotting the same key twice in one file before it reaches the
// database (an upsert cannot touch the same row twice in one statement).

import { type FileKind, KEY_COLUMNS } from './file-kinds';
import type { RowByKind } from './rules';

// Keys are printable ASCII and dates are ISO, so this control character cannot occur inside a part:
// two different keys can never join into the same string.
const SEPARATOR = '\u001f';

export function rowKey<K extends FileKind>(kind: K, row: RowByKind[K]): string {
  const columns: readonly string[] = KEY_COLUMNS[kind];
  const fields: Readonly<Record<string, unknown>> = row;
  if (columns.length === 1) return String(fields[columns[0]!]);
  return columns.map((column) => String(fields[column])).join(SEPARATOR);
}
