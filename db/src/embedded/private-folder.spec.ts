import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { postgresBinaries } from './binaries';
import { EmbeddedPostgres } from './embedded-postgres';
import { serverOsUser } from './os-user';
import { reachableBy } from './reachable';

// A project cloned into a private folder (mode 0700, as a home folder often is) and started as
// root: Postgres runs as the OS user "postgres", which cannot reach the binaries or the data in
// the clone. The start must still work, with both kept in a runtime folder that user can reach.
const asRoot = process.getuid?.() === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function query(server: EmbeddedPostgres, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: server.url('postgres') });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

(asRoot ? describe : describe.skip)('the embedded server of a project in a private folder, as root', () => {
  let home: string;
  let runtimeDir: string;
  let clone: string;
  let options: ConstructorParameters<typeof EmbeddedPostgres>[0];

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'iop-home-')); // 0700, as mkdtemp makes it
    expect(statSync(home).mode & 0o777).toBe(0o700);
    clone = path.join(home, 'iop-outcomes');
    // The binaries inside the clone, as `npm ci` would put them there (hard links: quick).
    const installed = path.resolve(path.dirname(postgresBinaries().postgres), '..');
    execFileSync('mkdir', ['-p', path.join(clone, 'node_modules')]);
    execFileSync('cp', ['-al', installed, path.join(clone, 'node_modules', 'native')]);
    const bin = path.join(clone, 'node_modules', 'native', 'bin');
    runtimeDir = path.join(await mkdtemp(path.join(tmpdir(), 'iop-runtime-')), 'iop-outcomes');
    await chmod(path.dirname(runtimeDir), 0o755);
    options = {
      dataDir: path.join(clone, '.data', 'postgres'),
      port: await freePort(),
      password: 'private-folder-test',
      runtimeDir,
      binaries: {
        initdb: path.join(bin, 'initdb'),
        postgres: path.join(bin, 'postgres'),
        pgCtl: path.join(bin, 'pg_ctl'),
      },
    };
    const user = serverOsUser()!;
    expect(reachableBy(user, options.dataDir)).toBe(false);
    expect(reachableBy(user, options.binaries!.postgres)).toBe(false);
  });

  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
    if (runtimeDir) await rm(path.dirname(runtimeDir), { recursive: true, force: true });
  });

  it('starts, keeps its data across starts, and starts afresh once .data is deleted', async () => {
    const first = new EmbeddedPostgres(options);
    await first.start();
    try {
      expect(first.serverDataDir.startsWith(runtimeDir + path.sep)).toBe(true);
      expect(lstatSync(options.dataDir).isSymbolicLink()).toBe(true);
      await query(first, 'CREATE TABLE kept (id int)');
    } finally {
      await first.stop();
    }
    expect(existsSync(path.join(first.serverDataDir, 'postmaster.pid'))).toBe(false);

    const second = new EmbeddedPostgres(options);
    await second.start();
    try {
      expect(second.serverDataDir).toBe(first.serverDataDir);
      await expect(query(second, "SELECT to_regclass('kept') IS NOT NULL AS kept")).resolves.toEqual([{ kept: true }]);
    } finally {
      await second.stop();
    }

    await rm(path.join(clone, '.data'), { recursive: true, force: true });
    const third = new EmbeddedPostgres(options);
    await third.start();
    try {
      await expect(query(third, "SELECT to_regclass('kept') IS NOT NULL AS kept")).resolves.toEqual([{ kept: false }]);
    } finally {
      await third.stop();
    }
  });

  it('starts where an earlier start failed for want of access and left a half-made data directory', async () => {
    const dataDir = path.join(clone, 'half-made', 'postgres');
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const server = new EmbeddedPostgres({ ...options, dataDir });
    await server.start();
    try {
      expect(lstatSync(dataDir).isSymbolicLink()).toBe(true);
      await expect(query(server, 'SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    } finally {
      await server.stop();
    }
  });

  it('says what to do when even the runtime folder is out of reach', async () => {
    const hidden = path.join(home, 'runtime'); // inside the 0700 folder
    const server = new EmbeddedPostgres({ ...options, dataDir: path.join(home, 'other', 'pg'), runtimeDir: hidden });
    await expect(server.start()).rejects.toThrow(/set EMBEDDED_PG_RUNTIME_DIR to a folder it can reach/);
  });
});
