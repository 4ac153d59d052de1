// The derived tables as declarations: one SQL body per table, from which both its full build and
// its keyed build (the rows of some keys only) are made. Adding a derived table means adding one
// declaration to the list in refresh.ts, in an order where what it reads comes before it.
//
// A body is a SELECT (the table's rows, in its column order) that calls `keys.in(expr, set)` where
// it can restrict its rows to the affected keys: `expr` is the SQL of the key in the body's source
// rows, `set` the name of an affected set (change-set.ts). A full build renders every such call as
// `true`; a keyed build as `expr IN (the set)`. A set may be "every key" (e.g. a fact that depends
// on the as-of date when it moves): then the keyed build is the full build.

import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { createPendingIndexes, type PendingIndexes } from './ensure-tables';

/** Where a body may keep only the affected keys. */
export interface Keys {
  /** A condition that holds for the rows whose `expr` is in the affected set `set` (always, in a full build). */
  in(expr: string, set: string): string;
  /**
   * For a set with dates (AffectedSet.since): the rows whose `expr` is in it and whose `date` is on
   * or after that key's date (always, in a full build).
   */
  since(expr: string, date: string, set: string): string;
  /** Whether a build is the full one (every set is every key). */
  readonly full: boolean;
}

/** What a build's statements are given: the as-of dates and the vocabulary's parameters. */
export interface BuildContext {
  /** The data's default as-of date (YYYY-MM-DD) after the load. */
  asOf: string;
  /** The derived tables' as-of before the load (incremental builds only). */
  previousAsOf: string | null;
}

/** A table the dashboard reads: deleted and rebuilt by `key`, whose affected values are the set `set`. */
export interface DerivedTable {
  kind: 'table';
  table: string;
  /** A column of the table, never NULL, by which its rows are deleted and rebuilt. */
  key: string;
  /**
   * The affected set of the key's values (change-set.ts, or a `set` step before this one); absent
   * for a table that an incremental build leaves to the statements that keep it (cells kept by
   * differences, say), and only a full build rebuilds.
   */
  set?: string;
  body: (keys: Keys) => string;
  params?: (context: BuildContext) => unknown[];
  /** The columns the body's rows fill, when not all of the table's in order. */
  columns?: string;
  /**
   * A date column: the table is rebuilt from a date on per key (its set has dates, see
   * AffectedSet.since), e.g. running totals whose earlier days stand.
   */
  since?: string;
}

/** A temporary table of the build (ON COMMIT DROP): intermediate rows that several tables read. */
export interface TempTable {
  kind: 'temp';
  table: string;
  body: (keys: Keys) => string;
  params?: (context: BuildContext) => unknown[];
  /** Only in an incremental build (e.g. the rows a table held before its keys were rebuilt). */
  incrementalOnly?: boolean;
}

/**
 * An affected set, computed in an incremental build at this point of the order: the SELECT of one
 * column of key values, or null for "every key". Never run in a full build.
 */
export interface AffectedSet {
  kind: 'set';
  name: string;
  /**
   * Key values, or with `since`, key values and dates (each key's earliest date is kept; a NULL
   * date is the key's whole history).
   */
  sql: (context: BuildContext) => string | null;
  since?: boolean;
  params?: (context: BuildContext) => unknown[];
}

/** A statement of the incremental build only that moves stored rows without recomputing them. */
export interface IncrementalStatement {
  kind: 'statement';
  name: string;
  sql: string;
  params?: (context: BuildContext) => unknown[];
}

/**
 * Tables rebuilt whole by every build, incremental or not, by their own statements: those whose
 * rows add up over every source row and are cheap to recount (say so where one is declared).
 */
export interface WholeTables {
  kind: 'whole';
  name: string;
  tables: readonly string[];
  build: (client: PoolClient, context: BuildContext) => Promise<void>;
}

export type BuildStep = DerivedTable | TempTable | AffectedSet | IncrementalStatement | WholeTables;

export const setTable = (name: string): string => `derived_affected_${name}`;

// A build's own tables (temporary rows, affected sets, the load's changes) are read once by the
// next few statements: the planner needs their sizes and rough distributions, not the fine
// histograms of the default statistics target (100: 30,000 sampled rows, 130 ms for a night's
// 200,000 recent rows at 100,000 participants; 20 ms at 10). The tables the dashboard reads keep
// the default.
const BUILD_STATISTICS_TARGET = 10;

/** ANALYZE of a build's own tables (a comma-separated list), from a small sample. */
export const analyzeBuildTablesSql = (tables: string): string =>
  `SET LOCAL default_statistics_target = ${BUILD_STATISTICS_TARGET}; ANALYZE ${tables}; RESET default_statistics_target`;

export const FULL_KEYS: Keys = { in: () => 'true', since: () => 'true', full: true };

/** The keys of an incremental build; `every` holds the sets that are every key. */
function keyedKeys(every: ReadonlySet<string>): Keys {
  return {
    in: (expr, set) => (every.has(set) ? 'true' : `(${expr}) IN (SELECT k FROM ${setTable(set)})`),
    since: (expr, date, set) =>
      every.has(set) ? 'true' : `EXISTS (SELECT 1 FROM ${setTable(set)} x WHERE x.k = ${expr} AND ${date} >= x.since)`,
    full: false,
  };
}

/**
 * The version of the declarations: a hash of every statement they make (the tables' definitions,
 * bodies rendered both ways, keys, sets). Stored beside the derived tables (derived.meta.declarations);
 * a load that finds another version builds them whole (and recreates them first when their
 * definitions changed: ensure-tables.ts).
 */
export function declarationVersion(
  steps: readonly BuildStep[],
  definitions: Readonly<Record<string, readonly string[]>>,
): string {
  const hash = createHash('sha256');
  for (const [table, statements] of Object.entries(definitions)) hash.update(`${table}\0${statements.join(';')}\0`);
  const probe = keyedKeys(new Set());
  const none: BuildContext = { asOf: '2000-01-01', previousAsOf: '2000-01-01' };
  for (const step of steps) {
    hash.update(`${step.kind}\0`);
    if (step.kind === 'table' || step.kind === 'temp') {
      hash.update(`${step.table}\0${step.body(FULL_KEYS)}\0${step.body(probe)}\0`);
      if (step.kind === 'table') hash.update(`${step.key}\0${step.set}\0${step.since ?? ''}\0`);
    } else if (step.kind === 'set') hash.update(`${step.name}\0${step.since ?? false}\0${step.sql(none) ?? ''}\0`);
    else if (step.kind === 'whole') hash.update(`${step.name}\0${step.tables.join(',')}\0${step.build.toString()}\0`);
    else hash.update(`${step.name}\0${step.sql}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Timings of a build, per step (ms), for the benchmark and the logs. */
export type StepTimings = Record<string, number>;

/**
 * Every table of `steps` rebuilt whole (deleted, not truncated: readers keep the old rows until
 * COMMIT). Tables just created (`pending`, ensure-tables.ts) get their keys and indexes after their
 * rows, before the steps that read them.
 */
export async function buildFull(
  client: PoolClient,
  steps: readonly BuildStep[],
  context: BuildContext,
  pending: PendingIndexes = new Map(),
): Promise<StepTimings> {
  const timings: StepTimings = {};
  for (const step of steps) {
    const started = performance.now();
    if (step.kind === 'table') {
      await client.query(`DELETE FROM ${step.table}`);
      await client.query(`${insertInto(step)} ${step.body(FULL_KEYS)}`, step.params?.(context));
      await createPendingIndexes(client, pending, [step.table]);
    } else if (step.kind === 'temp' && !step.incrementalOnly) {
      await createTemp(client, step, FULL_KEYS, context);
    } else if (step.kind === 'whole') {
      await buildWhole(client, step, context);
      await createPendingIndexes(client, pending, step.tables);
    } else continue;
    timings[stepName(step)] = performance.now() - started;
  }
  await createPendingIndexes(client, pending);
  return timings;
}

/** Only the affected keys of each table rebuilt, the sets computed on the way. */
export async function buildIncremental(
  client: PoolClient,
  steps: readonly BuildStep[],
  context: BuildContext,
): Promise<StepTimings> {
  const timings: StepTimings = {};
  const every = new Set<string>();
  const keys = keyedKeys(every);
  for (const step of steps) {
    const started = performance.now();
    if (step.kind === 'set') {
      const sql = step.sql(context);
      if (sql === null) every.add(step.name);
      else {
        await client.query(
          step.since
            ? `CREATE TEMP TABLE ${setTable(step.name)} ON COMMIT DROP AS
               SELECT k, min(coalesce(d, '-infinity')) AS since FROM (${sql}) s (k, d) WHERE k IS NOT NULL GROUP BY k`
            : `CREATE TEMP TABLE ${setTable(step.name)} ON COMMIT DROP AS SELECT DISTINCT k FROM (${sql}) s (k) WHERE k IS NOT NULL`,
          step.params?.(context),
        );
        await client.query(analyzeBuildTablesSql(setTable(step.name)));
      }
    } else if (step.kind === 'statement') {
      await client.query(step.sql, step.params?.(context));
    } else if (step.kind === 'temp') {
      await createTemp(client, step, keys, context);
    } else if (step.kind === 'whole') {
      await buildWhole(client, step, context);
    } else if (step.set !== undefined) {
      await client.query(
        every.has(step.set)
          ? `DELETE FROM ${step.table}`
          : step.since
            ? `DELETE FROM ${step.table} t USING ${setTable(step.set)} x WHERE t.${step.key} = x.k AND t.${step.since} >= x.since`
            : `DELETE FROM ${step.table} WHERE ${step.key} IN (SELECT k FROM ${setTable(step.set)})`,
      );
      await client.query(`${insertInto(step)} ${step.body(keys)}`, step.params?.(context));
    } else continue;
    timings[stepName(step)] = performance.now() - started;
  }
  return timings;
}

const insertInto = (step: DerivedTable): string =>
  `INSERT INTO ${step.table}${step.columns === undefined ? '' : ` (${step.columns})`}`;

async function buildWhole(client: PoolClient, step: WholeTables, context: BuildContext): Promise<void> {
  for (const table of step.tables) await client.query(`DELETE FROM ${table}`);
  await step.build(client, context);
}

/** A temporary table of a build, made anew (and analyzed) from its body. */
export async function createTemp(
  client: PoolClient,
  step: TempTable,
  keys: Keys,
  context: BuildContext,
): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${step.table}`);
  await client.query(`CREATE TEMP TABLE ${step.table} ON COMMIT DROP AS ${step.body(keys)}`, step.params?.(context));
  await client.query(analyzeBuildTablesSql(step.table));
}

function stepName(step: BuildStep): string {
  return step.kind === 'table' || step.kind === 'temp' ? step.table : `${step.kind}:${step.name}`;
}

/** The derived tables (not the temporary ones) of `steps`. */
export const derivedTablesOf = (steps: readonly BuildStep[]): string[] =>
  steps.flatMap((s) => (s.kind === 'table' ? [s.table] : s.kind === 'whole' ? [...s.tables] : []));
