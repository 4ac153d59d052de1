import { execFileSync } from 'node:child_process';

export interface OsUser {
  uid: number;
  gid: number;
}

const SERVER_USER = 'postgres';

/**
 * Postgres refuses to run as root. When we are root (as on CI machines), the server runs as a
 * dedicated unprivileged OS user, created on first use; otherwise it runs as the current user.
 */
export function serverOsUser(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookup();
  if (existing) return existing;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SERVER_USER], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `Running as root, and could not create the "${SERVER_USER}" OS user for the embedded database: ${String(error)}`,
    );
  }
  const created = lookup();
  if (!created) throw new Error(`The "${SERVER_USER}" OS user was created but cannot be found`);
  return created;
}

function lookup(): OsUser | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', SERVER_USER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', SERVER_USER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}
