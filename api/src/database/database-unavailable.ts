/** What a user is told while Postgres cannot be reached (GraphQL errors, sign-in, session checks). */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is not answering right now. Retry in a moment.';

/** Seconds a client is asked to wait (Retry-After) before it tries again. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Whether an error means the database cannot be reached, rather than that a statement failed:
 * refused or cut connections, and Postgres shutting down or starting up (57P01-57P03). Follows the
 * wrappers GraphQL, Nest and TypeORM put around the driver's error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    const wrapper = e as { originalError?: unknown; cause?: unknown; driverError?: unknown };
    e = wrapper.originalError ?? wrapper.driverError ?? wrapper.cause;
  }
  return false;
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|ECONNREFUSED|connection error and is not queryable|timeout exceeded when trying to connect/;
