import { parseBoolean, parseDecimal, parseInteger, parseKey, parseText, type ParseResult } from './values';

// Parse results are compared whole, so a test fails if a value comes back with a stray error or
// the reason changes by one word.
const ok = <T>(value: T): ParseResult<T> => ({ value });
const bad = (error: string, detail?: string): ParseResult<never> =>
  detail === undefined ? { error } : { error, detail };

describe('parseKey', () => {
  test.each([
    ['P-0001', ok('P-0001')],
    ['  P-0001  ', ok('P-0001')],
    ['a', ok('a')],
    ['clinic 12', ok('clinic 12')],
    ['~!@#$%^&*()', ok('~!@#$%^&*()')],
    ['x'.repeat(64), ok('x'.repeat(64))],
    [' ' + 'x'.repeat(64) + ' ', ok('x'.repeat(64))],
    ['', bad('is empty')],
    ['   ', bad('is empty')],
    ['x'.repeat(65), bad('is longer than 64 characters, the most a key may have', '65 characters')],
    ['P\t01', bad('contains a character that is not printable ASCII', 'U+0009 at position 2')],
    ['P\u00a001', bad('contains a character that is not printable ASCII', 'U+00A0 at position 2')],
    ['Ñ1', bad('contains a character that is not printable ASCII', 'U+00D1 at position 1')],
    ['ab\u{1F600}', bad('contains a character that is not printable ASCII', 'U+1F600 at position 3')],
    ['a\u007f', bad('contains a character that is not printable ASCII', 'U+007F at position 2')],
  ])('parseKey(%j)', (raw, expected) => {
    expect(parseKey(raw)).toEqual(expected);
  });
});

describe('parseText', () => {
  test.each([
    ['Main Street Clinic', 1, 200, ok('Main Street Clinic')],
    ['  padded  ', 1, 200, ok('padded')],
    ['Smith, Jones & "Partners"', 1, 200, ok('Smith, Jones & "Partners"')],
    ['line one\nline two\ttabbed\r\n', 1, 200, ok('line one\nline two\ttabbed')],
    ['y'.repeat(200), 1, 200, ok('y'.repeat(200))],
    // 200 emoji are 400 UTF-16 units but 200 characters, as Postgres counts them.
    ['\u{1F600}'.repeat(200), 1, 200, ok('\u{1F600}'.repeat(200))],
    ['', 0, 200, ok('')],
    ['', 1, 200, bad('is empty')],
    ['y'.repeat(201), 1, 200, bad('is longer than 200 characters', '201 characters')],
    ['\u{1F600}'.repeat(201), 1, 200, bad('is longer than 200 characters', '201 characters')],
    ['ab', 3, 200, bad('is shorter than 3 characters', '2 characters')],
    ['bad\u0000byte', 1, 200, bad('contains a control character', 'U+0000 at position 4')],
    ['esc\u001b[0m', 1, 200, bad('contains a control character', 'U+001B at position 4')],
  ])('parseText(%j, %d, %d)', (raw, min, max, expected) => {
    expect(parseText(raw, min, max)).toEqual(expected);
  });
});

describe('parseInteger', () => {
  test.each([
    ['0', 0, 30, ok(0)],
    ['30', 0, 30, ok(30)],
    [' 12 ', 0, 30, ok(12)],
    ['07', 0, 30, ok(7)],
    ['-5', -10, 10, ok(-5)],
    ['-0', 0, 30, ok(0)],
    ['480', 15, 480, ok(480)],
    ['31', 0, 30, bad('is not between 0 and 30')],
    ['14', 15, 480, bad('is not between 15 and 480')],
    ['-1', 0, 30, bad('is not between 0 and 30')],
    ['99999999999999999999', 0, 30, bad('is not between 0 and 30')],
    ['3.0', 0, 30, bad('must be written without a decimal point')],
    ['12.00', 0, 30, bad('must be written without a decimal point')],
    ['3.5', 0, 30, bad('is not a whole number')],
    ['+3', 0, 30, bad('is not a whole number')],
    ['1e3', 0, 5000, bad('is not a whole number')],
    ['1,000', 0, 5000, bad('is not a whole number')],
    ['0x1F', 0, 5000, bad('is not a whole number')],
    ['-', 0, 30, bad('is not a whole number')],
    ['12 3', 0, 200, bad('is not a whole number')],
    ['three', 0, 30, bad('is not a whole number')],
    ['', 0, 30, bad('is empty')],
  ])('parseInteger(%j, %d, %d)', (raw, min, max, expected) => {
    expect(parseInteger(raw, min, max)).toEqual(expected);
  });
});

describe('parseDecimal (0 to 10, one decimal)', () => {
  test.each([
    ['0', ok(0)],
    ['10', ok(10)],
    ['7.5', ok(7.5)],
    [' 9.9 ', ok(9.9)],
    ['10.0', ok(10)],
    ['.5', ok(0.5)],
    ['-0.0', ok(0)],
    ['7.25', bad('has more than one decimal place')],
    ['7.50', bad('has more than one decimal place')],
    ['10.1', bad('is not between 0 and 10')],
    ['11', bad('is not between 0 and 10')],
    ['-0.5', bad('is not between 0 and 10')],
    ['7,5', bad('is not a number (use . as the decimal point)')],
    ['5.', bad('is not a number')],
    ['1e1', bad('is not a number')],
    ['+5', bad('is not a number')],
    ['N/A', bad('is not a number')],
    ['', bad('is empty')],
  ])('parseDecimal(%j, 0, 10)', (raw, expected) => {
    expect(parseDecimal(raw, 0, 10)).toEqual(expected);
  });

  test('maxDecimals other than one is spelled out', () => {
    expect(parseDecimal('1.234', 0, 10, 2)).toEqual(bad('has more than 2 decimal places'));
    expect(parseDecimal('1.23', 0, 10, 2)).toEqual(ok(1.23));
  });
});

describe('parseBoolean', () => {
  test.each([
    ['true', ok(true)],
    ['TRUE', ok(true)],
    ['True', ok(true)],
    ['yes', ok(true)],
    ['Yes', ok(true)],
    ['y', ok(true)],
    ['Y', ok(true)],
    ['1', ok(true)],
    [' true ', ok(true)],
    ['false', ok(false)],
    ['FALSE', ok(false)],
    ['no', ok(false)],
    ['NO', ok(false)],
    ['n', ok(false)],
    ['N', ok(false)],
    ['0', ok(false)],
    ['maybe', bad('is not one of: true, false, yes, no, y, n, 1, 0')],
    ['t', bad('is not one of: true, false, yes, no, y, n, 1, 0')],
    ['2', bad('is not one of: true, false, yes, no, y, n, 1, 0')],
    ['unknown', bad('is not one of: true, false, yes, no, y, n, 1, 0')],
    ['', bad('is empty')],
  ])('parseBoolean(%j)', (raw, expected) => {
    expect(parseBoolean(raw)).toEqual(expected);
  });
});
