import { copyField, copyLine } from './copy-text';

describe('COPY text format', () => {
  it.each([
    ['plain text', 'North', 'North'],
    ['a backslash', 'a\\b', 'a\\\\b'],
    ['a tab', 'a\tb', 'a\\tb'],
    ['line breaks', 'a\r\nb\nc', 'a\\r\\nb\\nc'],
    ['a NUL, which COPY cannot carry', 'a\u0000b', 'a\uFFFDb'],
  ])('writes %s', (_what, value, written) => {
    expect(copyField(value)).toBe(written);
  });

  it('writes null and undefined as \\N, booleans as t/f and numbers as they are', () => {
    expect(copyLine([null, undefined, true, false, 7.5, 0, 'x'])).toBe('\\N\t\\N\tt\tf\t7.5\t0\tx\n');
  });
});
