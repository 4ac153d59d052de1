import { readAdjustedPatterns } from '../adjusted/adjusted.read';
import { ADJUSTED_PATTERNS_DERIVED_SQL, ADJUSTED_PATTERNS_SQL } from '../adjusted/adjusted.sql';
import { readIntensityRows } from '../attendance/intensity.read';
import { INTENSITY_DERIVED_SQL, INTENSITY_SQL } from '../attendance/intensity.sql';
import { readRetentionCounts } from '../retention/retention.read';
import { RETENTION_DERIVED_ALL_SITES_SQL, RETENTION_DERIVED_SQL, RETENTION_SQL } from '../retention/retention.sql';
import type { EpisodeScopeParams, Scope } from '../scope';
import { GROUP_TYPE_CODES } from '../vocabulary';
import { derivedAnswers, participantWeekAllTypesKey, type DerivedStamp } from './derived-stamp';
import type { RowShape, SqlRunner } from './sql-runner';

/** A runner that records which path ran which statement, and returns no rows. */
function recordingRunner() {
  const calls: { path: 'live' | 'stored'; sql: string; params: readonly unknown[]; shape?: RowShape }[] = [];
  const run: SqlRunner = {
    live: async (sql, params, shape) => (calls.push({ path: 'live', sql, params, shape }), []),
    stored: async (sql, params, shape) => (calls.push({ path: 'stored', sql, params, shape }), []),
  };
  return { run, calls };
}

const STAMP: DerivedStamp = { asOf: '2024-06-30', singleSite: false };
const ALL_TYPES = [...GROUP_TYPE_CODES];

describe('derivedAnswers', () => {
  it('holds only for the stamp of the same as_of', () => {
    expect(derivedAnswers(STAMP, '2024-06-30')).toBe(true);
    expect(derivedAnswers(STAMP, '2024-06-29')).toBe(false);
    expect(derivedAnswers(null, '2024-06-30')).toBe(false);
  });
});

describe('participantWeekAllTypesKey', () => {
  const scope = { asOf: STAMP.asOf, siteIds: null, groupTypes: ALL_TYPES };
  it('is * for all five types, the type for one, null for two to four', () => {
    expect(participantWeekAllTypesKey(STAMP, scope)).toBe('*');
    expect(participantWeekAllTypesKey(STAMP, { ...scope, groupTypes: ['skills'] })).toBe('skills');
    expect(participantWeekAllTypesKey(STAMP, { ...scope, groupTypes: ['psychoeducation', 'skills'] })).toBeNull();
  });
  it('is null without a stamp of the scope as_of', () => {
    expect(participantWeekAllTypesKey(null, scope)).toBeNull();
    expect(participantWeekAllTypesKey(STAMP, { ...scope, asOf: '2024-06-01' })).toBeNull();
  });
  it('adds up several sites only when no participant-week spans two', () => {
    const sites = { ...scope, siteIds: ['s1', 's2'] };
    expect(participantWeekAllTypesKey(STAMP, sites)).toBeNull();
    expect(participantWeekAllTypesKey({ ...STAMP, singleSite: true }, sites)).toBe('*');
    expect(participantWeekAllTypesKey(STAMP, { ...scope, siteIds: ['s1'] })).toBe('*');
  });
});

describe('a read function picks the statement and the path', () => {
  const episodes = (siteIds: string[] | null, asOf = STAMP.asOf): EpisodeScopeParams => [
    '2024-01-01',
    '2024-06-30',
    asOf,
    siteIds,
    null,
  ];

  it('retention: live SQL unnamed when the stamp is not for the as_of', async () => {
    const { run, calls } = recordingRunner();
    await readRetentionCounts(run, STAMP, episodes(null, '2024-05-31'));
    expect(calls.map((c) => [c.path, c.sql])).toEqual([['live', RETENTION_SQL]]);
  });

  it('retention: the all-sites derived statement without a site filter, prepared, with the code lists', async () => {
    const { run, calls } = recordingRunner();
    await readRetentionCounts(run, STAMP, episodes(null));
    await readRetentionCounts(run, STAMP, episodes(['s1']));
    expect(calls.map((c) => [c.path, c.sql, c.params.length])).toEqual([
      ['stored', RETENTION_DERIVED_ALL_SITES_SQL, 7],
      ['stored', RETENTION_DERIVED_SQL, 7],
    ]);
  });

  it('intensity: the participant-week cells with their key, or live', async () => {
    const scope: Scope = { from: '2024-01-01', to: '2024-06-30', asOf: STAMP.asOf, siteIds: null, groupTypes: [] };
    const { run, calls } = recordingRunner();
    await readIntensityRows(run, STAMP, { ...scope, groupTypes: ALL_TYPES });
    await readIntensityRows(run, STAMP, { ...scope, groupTypes: ALL_TYPES.slice(0, 2) });
    expect(calls.map((c) => [c.path, c.sql, c.params.at(-1)])).toEqual([
      ['stored', INTENSITY_DERIVED_SQL, '*'],
      ['live', INTENSITY_SQL, ALL_TYPES.slice(0, 2)],
    ]);
  });

  it('adjusted: rows as arrays on either path', async () => {
    const { run, calls } = recordingRunner();
    await readAdjustedPatterns(run, STAMP, episodes(null), 'dropout');
    await readAdjustedPatterns(run, null, episodes(null), 'completion');
    expect(calls.map((c) => [c.path, c.sql, c.shape])).toEqual([
      ['stored', ADJUSTED_PATTERNS_DERIVED_SQL.dropout, 'arrays'],
      ['live', ADJUSTED_PATTERNS_SQL.completion, 'arrays'],
    ]);
  });
});
