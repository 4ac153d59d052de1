import { lstatSync, statSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, ROOT, RunningProcess } from './process-harness';

// The server started as root with its data directory inside a private folder (mode 0700, as a
// home folder often is, where a user clones the project): the embedded Postgres runs as the OS
// user "postgres", which cannot enter that folder, so the data go to the runtime folder
// (EMBEDDED_PG_RUNTIME_DIR) behind a symbolic link, and `npm start` works all the same.
// (db/src/embedded/private-folder.spec.ts also puts the binaries out of that user's reach.)
const asRoot = process.getuid?.() === 0;

(asRoot ? describe : describe.skip)('started as root from a private folder', () => {
  let home: string;
  let runtimeParent: string;

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'iop-home-'));
    expect(statSync(home).mode & 0o777).toBe(0o700);
    runtimeParent = await mkdtemp(path.join(tmpdir(), 'iop-runtime-'));
    await chmod(runtimeParent, 0o755);
  });

  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
    await rm(runtimeParent, { recursive: true, force: true });
  });

  it('starts, serves the dashboard, and stops cleanly', async () => {
    const dataDir = path.join(home, 'iop-outcomes', '.data', 'postgres');
    const runtimeDir = path.join(runtimeParent, 'iop-outcomes');
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const env: NodeJS.ProcessEnv = {
      ...inherited,
      NODE_ENV: 'development',
      EMBEDDED_PG_DIR: dataDir,
      EMBEDDED_PG_RUNTIME_DIR: runtimeDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      PORT: String(await freePort()),
      DEMO_PARTICIPANTS: '20',
      DEMO_SEED: '3',
    };
    const server = new RunningProcess(process.execPath, [path.join(ROOT, 'api', 'dist', 'main.js')], env);
    try {
      const [, url] = await server.waitFor(/IOP outcomes dashboard: (http:\/\/\S+?)\/?$/);
      expect(server.text()).toContain(`Its data are in ${runtimeDir}`);
      expect(lstatSync(dataDir).isSymbolicLink()).toBe(true);
      const page = await fetch(`${url}/`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
    } finally {
      server.signal('SIGINT');
    }
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(server.text()).toContain('Stopped.');
    expect(server.text()).not.toMatch(/EACCES/);
  });
});
