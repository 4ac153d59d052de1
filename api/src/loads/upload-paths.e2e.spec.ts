import { tmpdir } from 'node:os';
import { ApiSession, ApiTestServer, startApiTestServer } from '../testing/api-test-server';
import { uploadAndWait } from './upload.testing';

// What an upload reports (its state while it runs and after, and the load's record) never names a
// folder of the server: the uploaded files are told apart by the names they were uploaded with.

let api: ApiTestServer;
let director: ApiSession;

beforeAll(async () => {
  api = await startApiTestServer();
  director = await api.signIn('director');
});
afterAll(() => api?.close());

const SITES = 'site_id,site_name\nS1,North clinic\n';
const LOAD_RECORD = `{ loadHistory(limit: 1) { loadId status source message detail
  files { fileName message detail } } }`;

/** Every string the director can read about the upload: its state and the load's record. */
async function everythingShown(files: Record<string, string>): Promise<string> {
  const state = await uploadAndWait(director, files);
  const { data } = await director.graphql<{ loadHistory: unknown[] }>(LOAD_RECORD);
  return JSON.stringify({ state, record: data!.loadHistory[0] });
}

it.each([
  ['no export file at all', { 'notes.txt': 'hello' }],
  ['two files of one kind', { 'sites.csv': SITES, 'Sites.csv': SITES }],
  ['a file that is not gzip although named so', { 'sites.csv.gz': SITES }],
  ['a file of no known kind next to a good one', { 'sites.csv': SITES, 'visits.csv': 'a,b\n1,2\n', 'notes.md': '#' }],
])('names no server folder when an upload has %s', async (_case, files) => {
  const shown = await everythingShown(files);
  expect(shown).not.toContain(tmpdir());
  expect(shown).not.toContain('iop-upload-');
});

it('names the uploaded files by their own names instead', async () => {
  const shown = JSON.parse(await everythingShown({ 'sites.csv': SITES, 'Sites.csv': SITES })) as {
    record: { detail: string };
  };
  expect(shown.record.detail).toBe('sites: Sites.csv, sites.csv');
});
