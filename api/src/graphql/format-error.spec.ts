import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { filtersJson } from './audit-plugin';
import { formatError } from './format-error';

/** A driver error as TypeORM wraps it and GraphQL wraps that again. */
function fromDatabase(code: string, message: string): GraphQLError {
  const driverError = Object.assign(new Error(message), { code });
  const queryFailed = Object.assign(new Error(message), { code, driverError, query: 'SELECT secret FROM t' });
  return new GraphQLError(message, { path: ['attendance'], originalError: queryFailed });
}

function format(error: GraphQLError) {
  return formatError(
    { message: error.message, path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    error,
  );
}

beforeAll(() => {
  jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
});
afterAll(() => jest.restoreAllMocks());

describe('formatError', () => {
  it.each([
    [
      'a statement stopped by the statement timeout',
      fromDatabase('57014', 'canceling statement due to statement timeout'),
      'QUERY_TIMEOUT',
      'The query took too long and was stopped. Narrow the period or the sites, then retry.',
    ],
    [
      'a NUL character in a text argument',
      fromDatabase('22021', 'invalid byte sequence for encoding "UTF8": 0x00'),
      'BAD_REQUEST',
      'An argument holds a character that cannot be searched for (a NUL byte). Remove it and retry.',
    ],
    [
      'the server shutting down',
      fromDatabase('57P01', 'terminating connection due to administrator command'),
      'SERVICE_UNAVAILABLE',
      'The database is not answering right now. Retry in a moment.',
    ],
    [
      'a refused connection',
      fromDatabase('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      'SERVICE_UNAVAILABLE',
      'The database is not answering right now. Retry in a moment.',
    ],
    [
      'any other database error',
      fromDatabase('42P01', 'relation "secret" does not exist'),
      'INTERNAL_SERVER_ERROR',
      'Something went wrong on the server. It has been logged; retry, and report it if it persists.',
    ],
  ])('says what it means of %s, and nothing of the SQL', (_what, error, code, message) => {
    expect(format(error)).toEqual({ message, path: ['attendance'], extensions: { code } });
  });
});

describe('the audit record of variables', () => {
  it('keeps every value, with a NUL (which jsonb refuses) replaced', () => {
    expect(JSON.parse(filtersJson({ f: { siteIds: ['S1\u0000', 'a\\u0000b'] } }))).toEqual({
      f: { siteIds: ['S1\uFFFD', 'a\\u0000b'] },
    });
    expect(filtersJson(undefined)).toBe('{}');
  });
});
