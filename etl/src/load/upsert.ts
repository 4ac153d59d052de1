// Staging table → real table: stored keys whose values differ are updated, new keys are inserted,
// and stored keys with the same values are left alone (not rewritten: no dead tuple, no WAL) and
// counted as unchanged.
//
// An UPDATE and an INSERT … WHERE NOT EXISTS (after counting the new rows, which decides bulk
// mode) rather than one INSERT … ON CONFLICT DO UPDATE: measured on a million
// attendance rows, ON CONFLICT's speculative insertion (plus the RETURNING needed to tell inserts
// from updates) took 1.5 times as long into an empty table and 1.8 times as long for a reload.
// ON CONFLICT guards against a concurrent writer inserting the same key; here the load lock
// already excludes other loads, and any other writer would make the INSERT fail on the primary
// key (the load then rolls back), never store a wrong row. Keys are unique in the staging table
// by then (checks/duplicates.ts), so no stored row can match two staged rows.

import type { PoolClient } from 'pg';
import { type BulkPolicy, bulkModeWanted, withoutRowByRowConstraints } from './bulk-mode';
import { notRejected } from './checks/check';
import { captureStoredSql, capturing } from './change-capture';
import { STAGE, type TableSpec } from './tables';

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

/** The condition that staged row `s` has stored row `t`'s key and other values. */
function changedSql(spec: TableSpec): string {
  const sameKey = spec.keys.map((k) => `t.${k} = s.${k}`).join(' AND ');
  // ROW(...) so that a single value column compares as a row too; IS DISTINCT FROM treats two
  // NULLs as equal, so an unchanged empty field does not count as a change.
  const stored = spec.values.map((c) => `t.${c}`).join(', ');
  const incoming = spec.values.map((c) => `s.${c}`).join(', ');
  return `${sameKey} AND ${notRejected('s')} AND ROW(${stored}) IS DISTINCT FROM ROW(${incoming})`;
}

export function updateSql(spec: TableSpec): string {
  const set = spec.values.map((c) => `${c} = s.${c}`).join(', ');
  return `UPDATE ${spec.table} t SET ${set}
          FROM ${STAGE} s
          WHERE ${changedSql(spec)}`;
}

/** The stored rows the update will change, before it does (their `columns`). */
function changedStoredSql(spec: TableSpec): (columns: string) => string {
  return (columns) => `SELECT ${columns} FROM ${spec.table} t JOIN ${STAGE} s ON ${changedSql(spec)}`;
}

/** The staged rows whose key is not stored yet. */
function newRows(spec: TableSpec, columns: string): string {
  const sameKey = spec.keys.map((k) => `t.${k} = s.${k}`).join(' AND ');
  return `SELECT ${columns} FROM ${STAGE} s
          WHERE ${notRejected('s')}
            AND NOT EXISTS (SELECT 1 FROM ${spec.table} t WHERE ${sameKey})`;
}

export function insertSql(spec: TableSpec): string {
  const columns = spec.columns.join(', ');
  return `INSERT INTO ${spec.table} (${columns}) ${newRows(spec, columns)}`;
}

export function countNewRowsSql(spec: TableSpec): string {
  return newRows(spec, 'count(*) AS n');
}

export interface UpsertResult extends UpsertCounts {
  /** Whether the inserts went in bulk mode (bulk-mode.ts). */
  bulk: boolean;
}

/**
 * `stagedRows`: how many rows the staging table holds (an upper bound of the new rows). `capture`:
 * the load records what it writes for the incremental refresh (change-capture.ts).
 */
export async function upsert(
  client: PoolClient,
  spec: TableSpec,
  policy: BulkPolicy,
  stagedRows: number,
  capture = false,
): Promise<UpsertResult> {
  const recorded = (statement: string, alias: string): string =>
    capture ? capturing(spec.kind, statement, alias) : statement;
  const storedSql = capture ? captureStoredSql(spec.kind, changedStoredSql(spec)) : null;
  if (storedSql !== null) await client.query(storedSql);
  // Updates first: they never need bulk mode (a foreign key is not re-checked when the key columns
  // do not change), and the insert's NOT EXISTS then needs no exception for rows just updated.
  const updated = (await client.query(recorded(updateSql(spec), 't'))).rowCount ?? 0;
  const insert = async (): Promise<number> => (await client.query(recorded(insertSql(spec), spec.table))).rowCount ?? 0;
  // Whether bulk mode pays off depends on the rows that are new, not on the file: a reload of an
  // unchanged file inserts nothing and must not lock the tables. They are counted only when the
  // staged rows could be enough: the count probes the key of every staged row, as the insert does
  // again (0.2 s for a night's 83,000 attendance rows at 100,000 participants).
  if (!(await bulkModeWanted(client, spec.table, stagedRows, policy))) {
    return { inserted: await insert(), updated, bulk: false };
  }
  const counted = await client.query<{ n: string }>(countNewRowsSql(spec));
  const newRows = Number(counted.rows[0]?.n ?? 0);
  if (newRows === 0) return { inserted: 0, updated, bulk: false };
  if (await bulkModeWanted(client, spec.table, newRows, policy)) {
    const { result, bulk } = await withoutRowByRowConstraints(client, spec.table, insert);
    return { inserted: result, updated, bulk };
  }
  return { inserted: await insert(), updated, bulk: false };
}
