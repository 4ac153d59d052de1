import { loadFiles } from '@iop/etl';
import { ApiSession, ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { uploadAndWait } from './upload.testing';

// Issue #16, "no identifiers below the director role", for the loader's records: a first upload
// stores a small program, a second one is rejected in every way that can be triggered from files
// (row rules, database rules, the stored-rows checks that name participants, refused headers, an
// ignored column named like an ID), and a failed load names a server path. A quality user's view
// of all of it (every load record, reason and rejected row, as JSON) must hold no participant ID
// and no rejected value; a director's must hold the details and the values.

const PARTICIPANTS = ['PZ7341', 'PZ7342', 'PZ7343', 'PZ7344', 'PZ7345', 'PZ7346', 'PZ7347', 'PZ7348', 'PZ9999'];
const MISSING_FOLDER = '/nonexistent/iop-privacy-PZ7349';

const FIRST_LOAD = {
  'sites.csv': 'site_id,site_name\nSQ1,North\n',
  'groups.csv': 'group_id,site_id,group_type,group_name\nGQ1,SQ1,skills,Skills group\n',
  'participants.csv': 'participant_id,birth_year\nPZ7341,1980\nPZ7342,1985\nPZ7343,1990\n',
  'enrollments.csv':
    'enrollment_id,participant_id,site_id,admission_date,discharge_date,discharge_reason\n' +
    'EQ1,PZ7341,SQ1,2025-01-06,2025-03-28,completed\nEQ2,PZ7342,SQ1,2025-01-06,2025-03-28,completed\n' +
    'EQ3,PZ7343,SQ1,2025-01-06,,\n',
  'sessions.csv': 'session_id,group_id,session_date\nXQ1,GQ1,2025-01-08\nXQ2,GQ1,2025-02-05\n',
  'attendance.csv':
    'session_id,participant_id,status,minutes_attended\nXQ1,PZ7341,present,60\nXQ1,PZ7342,present,60\n' +
    'XQ2,PZ7343,present,60\n',
};

const SECOND_LOAD = {
  // A header cell that is really a value (a file exported without its header row): ignored, warned.
  'sites.csv': 'site_id,site_name,PZ7348\nSQ1,North,x\n',
  // A direct identifier: the file is refused whole.
  'groups.csv': 'group_id,site_id,group_type,group_name,first_name\nGQ2,SQ1,skills,Other,Ann\n',
  'participants.csv':
    'participant_id,birth_year,gender\n' +
    'PZ7344,18a7,female\n' + // not a whole number
    `PZ7345,1980,"=cmd|' /C calc'!A0"\n` + // not a gender (and a formula)
    'PZ7346,1970,male\nPZ7346,1971,male\n' + // superseded by the later line
    'PZ7347,1980,female,x,y\n', // more fields than the header
  'enrollments.csv':
    'enrollment_id,participant_id,site_id,admission_date,discharge_date,discharge_reason\n' +
    'EQ1,PZ7341,SQ1,2025-01-06,2025-01-07,completed\n' + // strands PZ7341's attendance of 2025-01-08
    'EQ9,PZ7341,SQ1,2025-05-03,2025-04-19,completed\n' + // discharged before admission
    'EQ8,PZ9999,SQ1,2025-01-06,,\n' + // no such participant
    'EQ7,PZ7343,SQ1,2025-02-11,,\n', // overlaps PZ7343's stored open episode
  // Moves XQ1 outside the episodes of PZ7341 and PZ7342, who attended it.
  'sessions.csv': 'session_id,group_id,session_date\nXQ1,GQ1,2025-06-02\n',
  'attendance.csv':
    'session_id,participant_id,status,minutes_attended\n' +
    'XQ9,PZ7341,present,60\n' + // no such session
    'XQ2,PZ7341,absent,333\n', // minutes but absent
  // Before any admission of PZ7342.
  'sobriety.csv': 'participant_id,report_date,days_used\nPZ7342,2024-12-01,0\n',
};

const LOADS_QUERY = `{
  loadHistory(limit: 20) {
    loadId startedAt finishedAt status source rowsRead rowsInserted rowsUpdated rowsUnchanged rowsRejected
    message detail
    files { fileName kind status rowsRead inserted updated unchanged rejected durationMs message detail }
  }
}`;
const REJECTS_QUERY = `query ($id: Int!) {
  rejectReasons(loadId: $id) { fileName columnName reason rows }
  rejectedRows(loadId: $id, limit: 1000) { fileName line columnName value reason detail }
}`;

interface RejectedRow {
  fileName: string;
  line: number;
  columnName: string | null;
  value: string | null;
  reason: string;
  detail: string | null;
}
interface LoadView {
  loadHistory: { loadId: number; source: string | null; message: string | null; detail: string | null }[];
  rejects: Record<number, { rejectReasons: { reason: string; rows: number }[]; rejectedRows: RejectedRow[] }>;
}

/** Everything a user can read about every load: the history, and each load's reasons and rows. */
async function viewOfLoads(session: ApiSession): Promise<LoadView> {
  const history = await session.graphql<{ loadHistory: LoadView['loadHistory'] }>(LOADS_QUERY);
  expect(history.errors).toBeUndefined();
  const rejects: LoadView['rejects'] = {};
  for (const { loadId } of history.data!.loadHistory) {
    const answer = await session.graphql<LoadView['rejects'][number]>(REJECTS_QUERY, { id: loadId });
    expect(answer.errors).toBeUndefined();
    rejects[loadId] = answer.data!;
  }
  return { loadHistory: history.data!.loadHistory, rejects };
}

/**
 * Every string of a JSON answer, except the server's own timestamps (whose digits could match a
 * short rejected value by chance). Numbers are counts and durations, never values of a file.
 */
function stringsOf(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key === 'startedAt' || key === 'finishedAt' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => stringsOf(v));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsOf(v, k));
  return [];
}

let api: ApiTestServer;
let director: ApiSession;
let quality: ApiSession;
let secondLoadId: number;

beforeAll(async () => {
  api = await startApiTestServer();
  director = await api.signIn('director');
  quality = await api.signIn('quality');
  expect((await uploadAndWait(director, FIRST_LOAD)).status).toBe('succeeded');
  const second = await uploadAndWait(director, SECOND_LOAD);
  expect(second.status).toBe('partial');
  secondLoadId = second.summary!.loadId;
  // A load refused as a whole, the way the CLI can be: its record names a server path.
  const failed = await loadFiles(api.db.url, [MISSING_FOLDER]);
  expect(failed.status).toBe('failed');
});
afterAll(() => api?.close());

it('rejects the second load in every way the fixture means to', async () => {
  const view = await viewOfLoads(director);
  const rows = view.rejects[secondLoadId]!.rejectedRows;
  expect(rows.map((r) => `${r.fileName}:${r.line}:${r.columnName ?? ''}`)).toEqual([
    'attendance.csv:2:session_id',
    'attendance.csv:3:minutes_attended',
    'enrollments.csv:2:discharge_date',
    'enrollments.csv:3:discharge_date',
    'enrollments.csv:4:participant_id',
    'enrollments.csv:5:admission_date',
    'participants.csv:2:birth_year',
    'participants.csv:3:gender',
    'participants.csv:4:participant_id',
    'participants.csv:6:',
    'sessions.csv:2:session_date',
    'sobriety.csv:2:participant_id',
  ]);
});

it("shows a quality user no participant ID, rejected value or server path in any of the loader's records", async () => {
  const asDirector = await viewOfLoads(director);
  const rejectedValues = Object.values(asDirector.rejects)
    .flatMap((r) => r.rejectedRows.map((row) => row.value))
    .filter((value): value is string => value !== null && value !== '');
  expect(rejectedValues.length).toBeGreaterThanOrEqual(10);

  const asQuality = await viewOfLoads(quality);
  const strings = stringsOf(asQuality);
  const leaks = [...PARTICIPANTS, ...rejectedValues, MISSING_FOLDER, '/tmp/']
    .filter((secret) => strings.some((s) => s.includes(secret)))
    .map((secret) => `${secret}: ${strings.find((s) => s.includes(secret))}`);
  expect(leaks).toEqual([]);
  // And quality still sees the whole history: every load, every reason and row, without the values.
  expect(asQuality.loadHistory.map((l) => l.loadId)).toEqual(asDirector.loadHistory.map((l) => l.loadId));
  const qualityRows = asQuality.rejects[secondLoadId]!.rejectedRows;
  expect(qualityRows).toHaveLength(12);
  expect(qualityRows.every((r) => r.value === null && r.detail === null && r.reason.length > 20)).toBe(true);
});

it('shows a director the values and the details behind every reason', async () => {
  const view = await viewOfLoads(director);
  const rows = view.rejects[secondLoadId]!.rejectedRows;
  const session = rows.find((r) => r.fileName === 'sessions.csv');
  expect(session).toMatchObject({
    value: '2025-06-02',
    reason:
      'moving the session would leave stored attendance of participants outside their episodes; a load never deletes stored rows, so they must stay valid',
    detail:
      'moving the session to 2025-06-02 would leave the stored attendance of 2 participant(s) outside their episodes (PZ7341, PZ7342)',
  });
  expect(rows.find((r) => r.fileName === 'enrollments.csv' && r.line === 2)?.detail).toContain('participant PZ7341');
  expect(rows.find((r) => r.columnName === 'gender')?.value).toBe(`=cmd|' /C calc'!A0`);

  const [failed, second] = view.loadHistory;
  expect(failed).toMatchObject({ message: 'a file or folder given does not exist', detail: MISSING_FOLDER });
  expect(failed!.source).toBe(MISSING_FOLDER);
  expect(second!.source).toMatch(/^upload by director-\d+: /);
});

it('groups rejected rows by their fixed reason, the same for both roles', async () => {
  const asDirector = (await viewOfLoads(director)).rejects[secondLoadId]!.rejectReasons;
  const asQuality = (await viewOfLoads(quality)).rejects[secondLoadId]!.rejectReasons;
  expect(asQuality).toEqual(asDirector);
  // The two discharge_date rows of enrollments.csv have different rules, so two reasons; every
  // reason is counted once per file and column.
  expect(asDirector.reduce((sum, r) => sum + r.rows, 0)).toBe(12);
});
