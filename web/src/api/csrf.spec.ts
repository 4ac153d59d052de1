import { readCookie } from './csrf';

describe('readCookie', () => {
  test.each<[string, string, string, string | null]>([
    ['the only cookie', 'iop_csrf=abc', 'iop_csrf', 'abc'],
    ['among others, with spaces', 'a=1; iop_csrf=xyz ; b=2', 'iop_csrf', 'xyz'],
    ['a percent-encoded value is decoded', 'iop_csrf=a%2Bb', 'iop_csrf', 'a+b'],
    ['a malformed encoding is kept raw', 'iop_csrf=%E0%A4%A', 'iop_csrf', '%E0%A4%A'],
    ['a name that only ends the same does not match', 'not_iop_csrf=1', 'iop_csrf', null],
    ['no cookies', '', 'iop_csrf', null],
    ['a value containing "="', 'iop_csrf=a=b', 'iop_csrf', 'a=b'],
  ])('%s', (_name, cookies, name, expected) => {
    expect(readCookie(cookies, name)).toBe(expected);
  });
});
