import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';

// bcrypt's work factor. Tests (under Jest) use the minimum, so that hundreds of sign-ins stay fast
// on a shared two-core machine; the algorithm and the code path are the same.
const COST = process.env.JEST_WORKER_ID ? 4 : 12;
export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Why a password is not acceptable, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 72) return 'must be at most 72 characters'; // bcrypt ignores bytes past 72
  return null;
}

/** A random password that satisfies the policy, for new users and resets. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** A hash to compare against when the user does not exist, so that timing does not reveal it. */
export const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', COST);
