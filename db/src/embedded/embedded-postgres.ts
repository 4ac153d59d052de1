import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { postgresBinaries, type PostgresBinaries } from './binaries';
import { OsUser, serverOsUser } from './os-user';
import { DEFAULT_RUNTIME_DIR, reachableBinaries, reachableDataDir, unreachableAdvice } from './reachable';

const execFileAsync = promisify(execFile);

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  password: string;
  /**
   * Running as root only: where the binaries and the data go when the server's OS user cannot
   * reach them where they are (a clone in a private folder). Default /var/lib/iop-outcomes.
   */
  runtimeDir?: string;
  /** The installed binaries (by default the npm package's for this platform). */
  binaries?: PostgresBinaries;
  /** Called with each line the server logs (by default nothing is printed). */
  onLog?: (line: string) => void;
}

const SUPERUSER = 'postgres';

/** The URL of a database on an embedded server, whether or not this process started it. */
export function embeddedPostgresUrl(server: { port: number; password: string; database: string }): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(server.password)}@127.0.0.1:${server.port}/${server.database}`;
}
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * A real PostgreSQL server owned by the project: initialised on first start in `dataDir` (which
 * survives restarts), listening on 127.0.0.1 only, stopped with a fast shutdown.
 */
export class EmbeddedPostgres {
  private process: ChildProcess | undefined;
  /** True when another process of ours runs the server and this one only connects to it. */
  private attached = false;
  private readonly recentLog: string[] = [];
  private readonly osUser: OsUser | undefined = serverOsUser();
  private readonly killOnExit = () => this.process?.kill('SIGINT');
  /** The data directory and binaries as the server's OS user reaches them (set by start). */
  private dataDir: string;
  private binaries: PostgresBinaries | undefined;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.dataDir = options.dataDir;
  }

  /** Where the server keeps its data: the configured folder, or where it was moved to be reachable. */
  get serverDataDir(): string {
    return this.dataDir;
  }

  private async prepare(): Promise<PostgresBinaries> {
    if (this.binaries) return this.binaries;
    const installed = this.options.binaries ?? postgresBinaries();
    if (!this.osUser) return (this.binaries = installed);
    const runtimeDir = this.options.runtimeDir ?? DEFAULT_RUNTIME_DIR;
    this.dataDir = await reachableDataDir(this.osUser, this.options.dataDir, runtimeDir);
    return (this.binaries = await reachableBinaries(this.osUser, installed, runtimeDir));
  }

  get port(): number {
    return this.options.port;
  }

  /** Connection URL for a database on this server. */
  url(database: string): string {
    return embeddedPostgresUrl({ ...this.options, database });
  }

  async start(): Promise<void> {
    if (this.process || this.attached) return;
    await this.prepare();
    if (!existsSync(path.join(this.dataDir, 'PG_VERSION'))) await this.initialise();
    const running = this.runningServerPid();
    if (running !== undefined && parentPid(running) !== 1) {
      // Another process of the project (say `npm start`) runs this server: use it, leave it be.
      await this.waitUntilAccepting();
      this.attached = true;
      return;
    }
    if (running !== undefined) await this.stopOrphanedServer();
    await this.spawnServer();
  }

  async stop(): Promise<void> {
    this.attached = false;
    const child = this.process;
    if (!child) return;
    this.process = undefined;
    process.off('exit', this.killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
    const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  /** Creates the database unless it exists. */
  async ensureDatabase(name: string): Promise<void> {
    const client = new Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } finally {
      await client.end();
    }
  }

  private async initialise(): Promise<void> {
    const { dataDir } = this;
    await rm(dataDir, { recursive: true, force: true }); // a half-made directory from an interrupted init
    // The parent stays traversable (0755) for the server's OS user; the data directory is private.
    await mkdir(path.dirname(dataDir), { recursive: true });
    await mkdir(dataDir, { mode: 0o700 });
    await this.giveToServerUser(dataDir);
    const passwordFile = path.join(dataDir, '..', `.pgpass-init-${process.pid}`);
    await writeFile(passwordFile, `${this.options.password}\n`, { mode: 0o600 });
    await this.giveToServerUser(passwordFile);
    try {
      await execFileAsync(
        (await this.prepare()).initdb,
        [
          `--pgdata=${dataDir}`,
          `--username=${SUPERUSER}`,
          `--pwfile=${passwordFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
        ],
        { ...this.osUser, env: { ...process.env, LC_ALL: 'C' } },
      );
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      const denied = (error as NodeJS.ErrnoException).code === 'EACCES' || /Permission denied/.test(stderr);
      const advice = denied && this.osUser ? ` ${unreachableAdvice(dataDir)}` : '';
      throw new Error(`Could not initialise the embedded database in ${dataDir}: ${stderr || String(error)}${advice}`);
    } finally {
      await rm(passwordFile, { force: true });
    }
  }

  /** The pid of a live server on this data directory, if any (a stale pid file is ignored). */
  private runningServerPid(): number | undefined {
    const pidFile = path.join(this.dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return undefined;
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
  }

  /**
   * A server left behind by a process that was killed (its parent is gone, so it was re-parented
   * to init) holds the data directory: stop it so that this start can own the server.
   */
  private async stopOrphanedServer(): Promise<void> {
    await execFileAsync((await this.prepare()).pgCtl, ['stop', '-D', this.dataDir, '-m', 'fast', '-w'], {
      ...this.osUser,
    });
  }

  private async spawnServer(): Promise<void> {
    const child = spawn(
      (await this.prepare()).postgres,
      [
        '-D',
        this.dataDir,
        '-p',
        String(this.options.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
      ],
      { ...this.osUser, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
    );
    this.process = child;
    process.on('exit', this.killOnExit);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        this.recentLog.push(line);
        if (this.recentLog.length > 40) this.recentLog.shift();
        this.options.onLog?.(line);
      }
    });
    const exitedEarly = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(
          new Error(
            `The embedded database exited during start-up (code ${code}, signal ${signal}):\n${this.recentLog.join('\n')}`,
          ),
        ),
      ),
    );
    exitedEarly.catch(() => undefined); // handled below via race; avoid an unhandled rejection later
    await Promise.race([this.waitUntilAccepting(), exitedEarly]);
  }

  private async waitUntilAccepting(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      const client = new Client({ connectionString: this.url('postgres') });
      try {
        await client.connect();
        await client.end();
        return;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (!this.process && !this.attached && this.runningServerPid() === undefined) {
          throw new Error('The embedded database was stopped during start-up');
        }
        if (Date.now() > deadline) {
          throw new Error(
            `The embedded database did not accept connections within ${START_TIMEOUT_MS / 1000}s: ${String(error)}`,
          );
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  private async giveToServerUser(file: string): Promise<void> {
    if (this.osUser) await chown(file, this.osUser.uid, this.osUser.gid);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentPid(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}
