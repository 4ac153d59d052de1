import { errorKind, type ServedError } from './api-error';

const coded = (code: string): ServedError[] => [{ message: 'x', extensions: { code } }];

describe('errorKind', () => {
  test.each<[string, number, ServedError[], string]>([
    ['a 401 without body', 401, [], 'unauthenticated'],
    ['a 401 with the GraphQL-shaped body', 401, coded('UNAUTHENTICATED'), 'unauthenticated'],
    ['UNAUTHENTICATED inside a 200', 200, coded('UNAUTHENTICATED'), 'unauthenticated'],
    ['FORBIDDEN inside a 200 GraphQL answer', 200, coded('FORBIDDEN'), 'forbidden'],
    ['a bare 403', 403, [], 'forbidden'],
    ['a CSRF refusal is not a role problem', 403, coded('CSRF'), 'failed'],
    ['a validation error', 400, coded('GRAPHQL_VALIDATION_FAILED'), 'failed'],
    ['a server error', 500, [], 'failed'],
  ])('%s', (_name, status, errors, kind) => {
    expect(errorKind(status, errors)).toBe(kind);
  });
});
