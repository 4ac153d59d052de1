import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';

const logger = new Logger('GraphQL');

/** Codes whose messages are written for the user (validation, access); anything else is internal. */
const USER_FACING = new Set([
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * What leaves the server of an error: its message and code when they are meant for the user, a
 * generic sentence otherwise. Never SQL, stack traces or the wrapped original error.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const status = httpStatusOf(error);
  const code =
    status !== undefined && status >= 400 && status < 500
      ? (HTTP_CODES[status] ?? 'BAD_REQUEST')
      : typeof formatted.extensions?.code === 'string'
        ? formatted.extensions.code
        : 'INTERNAL_SERVER_ERROR';
  if (USER_FACING.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  logger.error(`${formatted.path?.join('.') ?? 'request'}: ${error instanceof Error ? error.stack : String(error)}`);
  const unavailable = isDatabaseUnavailable(error);
  return {
    message: unavailable
      ? 'The database is not answering right now. Retry in a moment.'
      : 'Something went wrong on the server. It has been logged; retry, and report it if it persists.',
    path: formatted.path,
    extensions: { code: unavailable ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR' },
  };
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
};

/** The status of a Nest HTTP exception thrown by a resolver (Nest leaves some codes unmapped). */
function httpStatusOf(error: unknown): number | undefined {
  const original = (error as { originalError?: unknown } | undefined)?.originalError ?? error;
  const getStatus = (original as { getStatus?: unknown } | undefined)?.getStatus;
  return typeof getStatus === 'function' ? (getStatus.call(original) as number) : undefined;
}

function isDatabaseUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === 'ECONNREFUSED' || code === '57P01' || code === '57P03' || code === '08006') return true;
    if (typeof message === 'string' && /Connection terminated|ECONNREFUSED/.test(message)) return true;
    e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}
