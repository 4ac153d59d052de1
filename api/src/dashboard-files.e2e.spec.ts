import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, TestDatabase } from '@iop/db';
import { RunningServer, startServer } from './server';

let db: TestDatabase;
let webRoot: string;
let server: RunningServer;

beforeAll(async () => {
  db = await createTestDatabase();
  webRoot = await mkdtemp(path.join(os.tmpdir(), 'iop-web-'));
  await mkdir(path.join(webRoot, 'assets'));
  await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>IOP</title>');
  await writeFile(
    path.join(webRoot, 'assets', 'index-abc.js'),
    'console.log(1);\n//# sourceMappingURL=index-abc.js.map',
  );
  await writeFile(path.join(webRoot, 'assets', 'index-abc.js.map'), '{"version":3,"sources":["secret.tsx"]}');
  server = await startServer({ databaseUrl: db.url, production: true, host: '127.0.0.1', port: 0, webRoot });
});
afterAll(async () => {
  await server?.close();
  await db?.drop();
  await rm(webRoot, { recursive: true, force: true });
});

describe("the dashboard's static files", () => {
  it('serves the scripts without a session', async () => {
    const response = await fetch(`${server.url}/assets/index-abc.js`);
    expect(response.status).toBe(200);
  });

  it('never serves a source map, even one left in dist/', async () => {
    for (const accept of ['*/*', 'text/html']) {
      const response = await fetch(`${server.url}/assets/index-abc.js.map`, { headers: { accept } });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('secret.tsx');
    }
  });
});
