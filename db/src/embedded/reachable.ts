import { randomBytes, createHash } from 'node:crypto';
import { existsSync, lstatSync, statSync } from 'node:fs';
import { chmod, copyFile, link, lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { PostgresBinaries } from './binaries';
import type { OsUser } from './os-user';

/**
 * When the project runs as root, Postgres runs as the unprivileged `postgres` OS user, which must
 * reach the binaries and the data directory. A clone in a private folder (a 0700 home folder)
 * hides both from it; then the binaries are hard-linked (or copied) and the data kept in a
 * runtime folder it can reach (`EMBEDDED_PG_RUNTIME_DIR`, by default /var/lib/iop-outcomes).
 */
export { DEFAULT_RUNTIME_DIR } from '../config/config';

/**
 * True when `user` can traverse every folder above `target` (and, for a folder, `target` itself),
 * judged by the mode bits, owner and group (supplementary groups and ACLs are not considered, so
 * the answer errs on "cannot", which only costs a copy).
 */
export function reachableBy(user: OsUser, target: string): boolean {
  const absolute = path.resolve(target);
  const folders: string[] = [];
  for (let dir = path.dirname(absolute); ; dir = path.dirname(dir)) {
    folders.push(dir);
    if (dir === path.dirname(dir)) break;
  }
  if (existsSync(absolute) && statSync(absolute).isDirectory()) folders.push(absolute);
  return folders.every((dir) => {
    let mode: number, uid: number, gid: number;
    try {
      ({ mode, uid, gid } = statSync(dir));
    } catch {
      return true; // not made yet: it will be made traversable
    }
    if (uid === user.uid) return (mode & 0o100) !== 0;
    if (gid === user.gid) return (mode & 0o010) !== 0;
    return (mode & 0o001) !== 0;
  });
}

/** The message for a place the server's OS user cannot reach even so: what to do, in one sentence. */
export function unreachableAdvice(what: string): string {
  return (
    `The embedded database runs as the OS user "postgres" (the project runs as root), which cannot reach ${what}: ` +
    'set EMBEDDED_PG_RUNTIME_DIR to a folder it can reach (every folder above it traversable), ' +
    'run `npm start` as an ordinary user, or set DATABASE_URL to use your own Postgres.'
  );
}

/**
 * The binaries as the server's OS user can run them: where they are installed when it can reach
 * them, otherwise a hard-linked (or copied) tree in the runtime folder, made once per build.
 */
export async function reachableBinaries(
  user: OsUser,
  installed: PostgresBinaries,
  runtimeDir: string,
): Promise<PostgresBinaries> {
  if (reachableBy(user, installed.postgres)) return installed;
  const native = path.resolve(path.dirname(installed.postgres), '..');
  const { mtimeMs, size } = statSync(installed.postgres);
  const key = createHash('sha256').update(`${native}\n${mtimeMs}\n${size}`).digest('hex').slice(0, 12);
  const staged = path.join(runtimeDir, `postgres-${key}`);
  const relocate = (file: string) => path.join(staged, path.relative(native, file));
  const binaries = {
    initdb: relocate(installed.initdb),
    postgres: relocate(installed.postgres),
    pgCtl: relocate(installed.pgCtl),
  };
  if (existsSync(binaries.postgres)) return binaries;
  await makeTraversable(runtimeDir);
  // Built beside its final name and renamed into place, so that two starts never see half a tree.
  const building = `${staged}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await linkTree(native, building);
    await rename(building, staged).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(binaries.postgres)) throw error; // another start won the race: use its tree
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  if (!reachableBy(user, binaries.postgres)) throw new Error(unreachableAdvice(`the Postgres binaries in ${staged}`));
  return binaries;
}

/**
 * Where the server keeps its data. The configured folder when the server's OS user can reach it;
 * otherwise a folder in the runtime folder, named after the configured one, with a symbolic link
 * at the configured place pointing to it (so `ls .data/postgres` shows where the data are, and
 * deleting `.data/` still starts afresh: a missing link means a new database).
 */
export async function reachableDataDir(user: OsUser, configured: string, runtimeDir: string): Promise<string> {
  const absolute = path.resolve(configured);
  let link = lstatOrNull(absolute);
  if (link?.isSymbolicLink()) {
    const target = path.resolve(path.dirname(absolute), await readlink(absolute));
    if (reachableBy(user, target)) return target;
    throw new Error(unreachableAdvice(`its data directory ${target}`));
  } else if (reachableBy(user, absolute)) {
    return absolute;
  } else if (link && existsSync(path.join(absolute, 'PG_VERSION'))) {
    throw new Error(unreachableAdvice(`its data directory ${absolute}`));
  } else if (link) {
    // Half made by a start that failed for want of access: nothing in it to keep.
    await rm(absolute, { recursive: true, force: true });
    link = null;
  }
  const key = createHash('sha256').update(absolute).digest('hex').slice(0, 12);
  const moved = path.join(runtimeDir, `data-${key}`, 'postgres');
  if (!reachableBy(user, path.dirname(runtimeDir)) || !reachableBy(user, runtimeDir)) {
    throw new Error(unreachableAdvice(`${runtimeDir}`));
  }
  await makeTraversable(runtimeDir);
  if (!link) {
    // No link: a first start, or `.data/` was deleted to start again. Either way a new database.
    await rm(path.dirname(moved), { recursive: true, force: true });
    await mkdir(path.dirname(absolute), { recursive: true });
    await symlink(moved, absolute);
  }
  await mkdir(path.dirname(moved), { recursive: true, mode: 0o755 });
  return moved;
}

async function makeTraversable(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
}

function lstatOrNull(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

/** Recreates `from` at `to`: folders made, files hard-linked (copied across file systems), links kept. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { mode: 0o755 });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else {
      await link(source, target).catch(async () => {
        await copyFile(source, target);
        const { mode } = await lstat(source);
        await chmod(target, mode & 0o7777);
      });
    }
  }
}
