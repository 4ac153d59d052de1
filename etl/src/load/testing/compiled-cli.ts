// Test helper: the loader's CLI compiled to JavaScript, to run as a real child process (killed with
// SIGKILL in the crash tests). Each suite compiles into a folder of its own under tmp/, so suites
// running in parallel never write the same files; @iop/db resolves to db/dist as in production.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '@iop/db';

const execFileAsync = promisify(execFile);

export interface CompiledCli {
  cliPath: string;
  remove(): Promise<void>;
}

export async function compileCli(): Promise<CompiledCli> {
  const root = projectRoot();
  const parent = path.join(root, 'tmp', 'etl-test-dist');
  await mkdir(parent, { recursive: true });
  const outDir = await mkdtemp(path.join(parent, 'cli-'));
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  await execFileAsync(process.execPath, [tsc, '-p', path.join(root, 'etl', 'tsconfig.lib.json'), '--outDir', outDir], {
    cwd: root,
  });
  return { cliPath: path.join(outDir, 'cli.js'), remove: () => rm(outDir, { recursive: true, force: true }) };
}

export interface RunningCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when stderr has printed a line containing `text`. */
  waitFor(text: string): Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();

/** Kills whatever a failed or timed-out test left running (call in afterEach). */
export function killStragglers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Starts `node cli.js …` itself (not through npx, whose child would survive a kill). */
export function startCli(cliPath: string, args: string[], env: NodeJS.ProcessEnv): RunningCli {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: projectRoot(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  let err = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    for (const waiter of [...waiters]) {
      if (err.includes(waiter.text)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor: (text) =>
      new Promise<void>((resolve, reject) => {
        if (err.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void exit.then(({ code, signal }) =>
          reject(new Error(`the CLI exited (${code ?? signal}) before printing "${text}":\n${err}`)),
        );
      }),
    exit,
  };
}
