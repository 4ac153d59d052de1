import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiSession, ApiTestServer, startApiTestServer } from '../testing/api-test-server';

// The API server watches INBOX_DIR: a drop with its .ready marker is loaded by the server's own
// poller, archived in done/, and listed in the load history the Data page shows.

let api: ApiTestServer;
let director: ApiSession;
let inbox: string;

beforeAll(async () => {
  inbox = await mkdtemp(path.join(tmpdir(), 'iop-api-inbox-'));
  api = await startApiTestServer({
    inbox: {
      inbox: { dir: inbox, pollSeconds: 1, settleSeconds: 60 },
      fhir: { timeZone: 'UTC', part2AnalyticsConsent: false },
    },
  });
  director = await api.signIn('director');
});
afterAll(async () => {
  await api?.close();
  await rm(inbox, { recursive: true, force: true });
});

async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('timed out');
}

it('loads a dropped export and shows it in the load history as from the inbox', async () => {
  await mkdir(path.join(inbox, 'nightly-1'));
  await writeFile(path.join(inbox, 'nightly-1', 'sites.csv'), 'site_id,site_name\nS1,North clinic\n');
  await writeFile(path.join(inbox, 'nightly-1.ready'), '');
  const archived = await waitFor(async () => {
    const done = await readdir(path.join(inbox, 'done')).catch(() => []);
    return done.length > 0 ? done : undefined;
  });
  expect(archived).toEqual([expect.stringMatching(/-nightly-1$/)]);
  const { data } = await director.graphql<{ loadHistory: { status: string; source: string | null }[] }>(
    '{ loadHistory(limit: 1) { status source } }',
  );
  expect(data!.loadHistory).toEqual([{ status: 'succeeded', source: 'inbox drop nightly-1 (contract CSV files)' }]);
});
