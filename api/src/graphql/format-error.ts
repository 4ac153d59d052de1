import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../database/database-unavailable';

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
  const refusal = databaseRefusal(error);
  if (refusal) {
    logger.warn(`${formatted.path?.join('.') ?? 'request'}: ${refusal.code}: ${refusal.message}`);
    return { message: refusal.message, path: formatted.path, extensions: { code: refusal.code } };
  }
  logger.error(`${formatted.path?.join('.') ?? 'request'}: ${error instanceof Error ? error.stack : String(error)}`);
  const unavailable = isDatabaseUnavailable(error);
  return {
    message: unavailable
      ? DATABASE_UNAVAILABLE_MESSAGE
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

/**
 * Postgres errors that are about the request, not the server: a value it cannot take (a NUL
 * character in a text argument: 22021, 22P05), and a statement stopped by the statement timeout
 * (57014). Each gets a sentence of its own instead of "something went wrong".
 */
function databaseRefusal(error: unknown): { code: string; message: string } | undefined {
  let e: unknown = error;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (code === '22021' || code === '22P05') {
      return {
        code: 'BAD_REQUEST',
        message: 'An argument holds a character that cannot be searched for (a NUL byte). Remove it and retry.',
      };
    }
    if (code === '57014') {
      return {
        code: 'QUERY_TIMEOUT',
        message: 'The query took too long and was stopped. Narrow the period or the sites, then retry.',
      };
    }
    const wrapper = e as { originalError?: unknown; driverError?: unknown; cause?: unknown };
    e = wrapper.originalError ?? wrapper.driverError ?? wrapper.cause;
  }
  return undefined;
}
