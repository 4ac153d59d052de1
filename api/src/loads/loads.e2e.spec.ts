import { ApiSession, ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { postUpload, uploadAndWait } from './upload.testing';

// Uploading exports from the dashboard, then reading the load history and its rejects, over HTTP.

let api: ApiTestServer;
let director: ApiSession;

beforeAll(async () => {
  api = await startApiTestServer();
  director = await api.signIn('director');
});
afterAll(() => api?.close());

const SITES = 'site_id,site_name\nS1,North clinic\nS2,South clinic\n';
// Line 3 names a site that does not exist; line 4 has an unknown group type.
const GROUPS =
  'group_id,site_id,group_type,group_name\nG1,S1,skills,DBT skills\nG2,S9,process,Evening process\nG3,S2,yoga,Stretching\n';

it('loads uploaded exports with the real loader and reports each file', async () => {
  const state = await uploadAndWait(director, { 'sites.csv': SITES, 'groups.csv': GROUPS });
  expect(state.status).toBe('partial');
  expect(state.summary?.files).toEqual([
    expect.objectContaining({
      fileName: 'sites.csv',
      kind: 'sites',
      status: 'loaded',
      read: 2,
      inserted: 2,
      rejected: 0,
    }),
    expect.objectContaining({
      fileName: 'groups.csv',
      kind: 'groups',
      status: 'loaded',
      read: 3,
      inserted: 1,
      rejected: 2,
    }),
  ]);

  const { data } = await director.graphql<{
    loadHistory: { loadId: number; status: string; rowsRejected: number; files: { fileName: string }[] }[];
  }>('{ loadHistory(limit: 5) { loadId status rowsRejected files { fileName } } }');
  expect(data!.loadHistory[0]).toEqual({
    loadId: state.summary!.loadId,
    status: 'partial',
    rowsRejected: 2,
    files: [{ fileName: 'sites.csv' }, { fileName: 'groups.csv' }],
  });
});

it('shows rejected values to directors only; quality sees where and why', async () => {
  const { data: history } = await director.graphql<{ loadHistory: { loadId: number }[] }>(
    '{ loadHistory(limit: 1) { loadId } }',
  );
  const loadId = history!.loadHistory[0].loadId;
  const query = `query ($id: Int!) { rejectedRows(loadId: $id) { fileName line columnName value } }`;
  const asDirector = await director.graphql<{ rejectedRows: Record<string, unknown>[] }>(query, { id: loadId });
  expect(asDirector.data!.rejectedRows).toEqual([
    { fileName: 'groups.csv', line: 3, columnName: 'site_id', value: 'S9' },
    { fileName: 'groups.csv', line: 4, columnName: 'group_type', value: 'yoga' },
  ]);
  const quality = await api.signIn('quality');
  const asQuality = await quality.graphql<{ rejectedRows: Record<string, unknown>[] }>(query, { id: loadId });
  expect(asQuality.data!.rejectedRows.map((r) => r.value)).toEqual([null, null]);
});

it('refuses uploads from anyone but a director', async () => {
  const quality = await api.signIn('quality');
  const response = await postUpload(quality, { 'sites.csv': SITES });
  expect(response.status).toBe(403);
});

it('refuses an upload without files, or with an unsafe file name', async () => {
  const empty = await director.fetch('/api/uploads', { method: 'POST', body: new FormData() });
  expect(empty.status).toBe(400);
  expect(((await empty.json()) as { message: string }).message).toBe(
    'Choose one or more export files (sites.csv, attendance.csv.gz, …, the .ndjson files of a FHIR export, or a .zip).',
  );
  const unsafe = await postUpload(director, { 'sites (1).csv': SITES });
  expect(unsafe.status).toBe(400);
});

it('keeps load history from users limited to some sites (loads span every site)', async () => {
  const limited = await api.signIn('director', ['S1']);
  const { errors } = await limited.graphql('{ loadHistory { loadId } }');
  expect(errors?.[0].message).toBe('Load history covers every site; your access is limited to some.');
});
