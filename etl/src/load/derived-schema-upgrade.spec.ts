// An existing database at the schema before the derived schema upgrades cleanly. The fixture is a
// 60-participant demo program (generateDemoData seed 3) loaded by that version and dumped with its
// derived tables in `public` (testing/before-derived-schema.sql.gz). The migration drops those
// caches and keeps every source row; until the next load the API has no stamp and answers live;
// the first load after it creates the layer's tables and fills them with exactly the rows the old
// version had; the load after that refreshes incrementally.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createTestDatabase, migrate, type TestDatabase } from '@iop/db';
import { createDerivedTables, DERIVED_TABLE_DEFINITIONS, REENGAGEMENT_DAYS } from '@iop/metrics';
import { generateDemoData } from '../demo/generate';
import { loadFiles } from './load-files';
import { tableContents, withClient } from './testing/database';

jest.setTimeout(120_000);

const DUMP = path.join(__dirname, 'testing', 'before-derived-schema.sql.gz');
const DERIVED_TABLES = Object.keys(DERIVED_TABLE_DEFINITIONS);
const unqualified = (table: string) => table.replace(/^derived\./, '');

let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'iop-upgrade-'));
  db = await createTestDatabase({ migrate: false });
  const dump = gunzipSync(await readFile(DUMP)).toString('utf8');
  await withClient(db.url, (client) => client.query(dump));
});

afterAll(async () => {
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Sums may add in another order: numbers to 12 significant digits. */
const comparable = (value: unknown): unknown =>
  typeof value === 'number' && !Number.isInteger(value)
    ? Number(value.toPrecision(12))
    : value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]))
      : value;

/**
 * Retention's cells as the fixture's version stored them: the follow-up time t of every survival
 * row, where now those followed up to as-of have none (it follows from the admission day), and
 * rows of equal t merged.
 */
const outcomesAsBefore = (table: string, keys: string) => `(
  SELECT ${keys}, kind, type_no, CASE WHEN kind = 1 THEN coalesce(t, '2026-10-31'::date - admission_date) END AS t,
    event, reason_no, stay, sum(n)::int AS n
  FROM ${table} GROUP BY ${keys}, kind, type_no, ${keys.split(',').length + 3}, event, reason_no, stay)`;

/**
 * The derived tables whose columns changed since the fixture's version, read as that version
 * stored them: episode_covariate kept the retention time t, which now follows from follow_up_end
 * and the as-of date; so did retention's cells.
 */
const AS_BEFORE: Record<string, string> = {
  'derived.episode_covariate': `(SELECT enrollment_id, admission_date, site_id, primary_type, group_id, age_band, gender,
    substance, co_occurring, baseline_days_used, coalesce(follow_up_end, '2026-10-31') - admission_date AS t, event,
    discharged, completed FROM derived.episode_covariate)`,
  'derived.episode_outcome_day': outcomesAsBefore('derived.episode_outcome_day', 'admission_date, site_id'),
  'derived.episode_outcome_day_all_sites': outcomesAsBefore('derived.episode_outcome_day_all_sites', 'admission_date'),
  'derived.episode_outcome_month': outcomesAsBefore('derived.episode_outcome_month', 'month, site_id'),
  'derived.episode_outcome_month_all_sites': outcomesAsBefore('derived.episode_outcome_month_all_sites', 'month'),
};

/**
 * Re-engagement as this version stores it, on both sides: counted for the sessions judged at as-of
 * (dated on or before as-of − 14) only, where the fixture's version counted every session. A week
 * that straddles that day cannot be split in its cell, so its count is left out of the comparison.
 */
const JUDGED_UNTIL = `'2026-10-31'::date - ${REENGAGEMENT_DAYS}`;
const reengagedAsNow = (date: string) =>
  `to_jsonb(t) || jsonb_build_object('reengaged', CASE WHEN t.${date} > ${JUDGED_UNTIL} THEN 0 ELSE t.reengaged END)`;
const weekReengagedAsNow = `CASE WHEN t.week <= ${JUDGED_UNTIL} AND t.week + 6 > ${JUDGED_UNTIL}
  THEN to_jsonb(t) - 'reengaged' ELSE ${reengagedAsNow('week')} END`;
const ROW_AS_NOW: Record<string, string> = {
  session_fact: reengagedAsNow('session_date'),
  session_type_day: reengagedAsNow('session_date'),
  session_type_week: weekReengagedAsNow,
  session_group_week: weekReengagedAsNow,
};

/** A table's rows as sorted JSON texts. */
async function rowsOf(table: string): Promise<string[]> {
  return withClient(db.url, async (client) => {
    const { rows } = await client.query<{ row: Record<string, unknown> }>(
      `SELECT ${ROW_AS_NOW[unqualified(table)] ?? 'to_jsonb(t)'} AS row FROM ${AS_BEFORE[table] ?? table} t`,
    );
    return rows.map((r) => JSON.stringify(comparable(r.row))).sort();
  });
}

const tablesIn = (schema: string) =>
  withClient(db.url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 ORDER BY 1`,
      [schema],
    );
    return rows.map((r) => r.name);
  });

const stamp = () =>
  withClient(db.url, async (client) => {
    const { rows } = await client.query(`SELECT to_char(as_of, 'YYYY-MM-DD') AS as_of, single_site FROM derived.meta`);
    return rows;
  });

// Per derived table, how many indexes it holds (a primary key is one).
const indexCounts = () =>
  withClient(db.url, async (client) => {
    const { rows } = await client.query<{ name: string; indexes: number }>(
      `SELECT 'derived.' || tablename AS name, count(*)::int AS indexes FROM pg_indexes
       WHERE schemaname = 'derived' AND tablename <> 'meta' GROUP BY tablename`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.indexes]));
  });

describe('upgrading a database whose derived tables were in public', () => {
  it('drops the old caches, keeps the source rows, and rebuilds the same derived rows at the next load', async () => {
    const oldTables = new Set(await tablesIn('public'));
    // Every derived table of that version is still declared; tables declared since are new.
    const carried = DERIVED_TABLES.filter((t) => oldTables.has(unqualified(t)));
    expect(DERIVED_TABLES.filter((t) => !carried.includes(t))).toEqual([
      'derived.craving_episode_week',
      'derived.episode_group_rows',
      'derived.group_pair',
    ]);
    const before: Record<string, string[]> = {};
    for (const table of carried) before[table] = await rowsOf(unqualified(table));
    expect(before['derived.episode_fact']!.length).toBeGreaterThan(50);
    const sourceBefore = await tableContents(db.url);

    expect(await migrate(db.url)).toEqual(['DerivedSchema1764600000000']);

    const publicAfter = await tablesIn('public');
    expect(publicAfter.filter((t) => DERIVED_TABLES.includes(`derived.${t}`) || t === 'derived_meta')).toEqual([]);
    expect(await tablesIn('derived')).toEqual(['meta']);
    expect(await stamp()).toEqual([]);
    expect(await tableContents(db.url)).toEqual(sourceBefore);

    // The same files the fixture was loaded from: every row unchanged, the derived tables built whole.
    const csv = path.join(dir, 'csv');
    await generateDemoData({ outDir: csv, participants: 60, seed: 3 });
    const first = await loadFiles(db.url, [csv]);
    expect({ status: first.status, refresh: first.derivedRefresh }).toEqual({ status: 'succeeded', refresh: 'full' });
    expect(await tableContents(db.url)).toEqual(sourceBefore);
    expect((await tablesIn('derived')).sort()).toEqual(['meta', ...DERIVED_TABLES.map(unqualified)].sort());
    // Created by this load, each table got its keys and indexes after its rows: every one declared.
    expect(await indexCounts()).toEqual(
      Object.fromEntries(
        Object.entries(DERIVED_TABLE_DEFINITIONS)
          .filter(([, statements]) => statements.length > 1)
          .map(([table, statements]) => [table, statements.length - 1]),
      ),
    );
    for (const table of carried) expect({ table, rows: await rowsOf(table) }).toEqual({ table, rows: before[table] });
    expect(await stamp()).toEqual([{ as_of: '2026-10-31', single_site: true }]);

    // Their definitions unchanged, the tables stand: a whole build refills them in place.
    expect(await withClient(db.url, (client) => createDerivedTables(client as never))).toBe(false);

    const second = await loadFiles(db.url, [csv]);
    expect({ status: second.status, refresh: second.derivedRefresh }).toEqual({
      status: 'succeeded',
      refresh: 'incremental',
    });
  });
});
