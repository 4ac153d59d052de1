// Parsers for single CSV fields. Each returns {value} or {error}, never throws.
//
// An error is a fixed clause about the value, written so that the row layer can put the column name
// in front of it: `is not a whole number` becomes `capacity is not a whole number`. It never repeats
// the value (which may be a participant identifier, and is stored beside the reason anyway) nor
// anything measured on it, so that every row with the same fault has the same reason, and a reason
// can be shown to someone who may not see the values. What is particular to the value (its length,
// where a bad character is) goes into `detail`.
//
// Every parser trims its input. The row layer treats an empty (or blank) field as missing before it
// calls a parser, so the "is empty" errors here only matter to direct callers.

// Read-only because parsers may hand out shared result objects (the empty error, enum codes).
export type ParseResult<T> =
  | { readonly value: T; readonly error?: undefined }
  | { readonly error: string; readonly detail?: string; readonly value?: undefined };

/** Keys may be at most this many characters (contract: "1 to 64 printable characters"). */
export const MAX_KEY_LENGTH = 64;

const EMPTY: { readonly error: string } = { error: 'is empty' };
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const DEL = 0x7f;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

// Compiled once: per-row code must not build regular expressions.
const ZERO_FRACTION = /^-?\d+\.0+$/;
const DECIMAL = /^-?(?:\d+(?:\.\d+)?|\.\d+)$/;
const COMMA_DECIMAL = /^-?\d+,\d+$/;

// Errors that say the same for every value are built once.
const ZERO_FRACTION_ERROR = { error: 'must be written without a decimal point' } as const;
const NOT_WHOLE = { error: 'is not a whole number' } as const;
const COMMA_DECIMAL_ERROR = { error: 'is not a number (use . as the decimal point)' } as const;
const NOT_A_NUMBER = { error: 'is not a number' } as const;

function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A key (`*_id`): 1 to 64 printable ASCII characters after trimming. ASCII only because keys are
 * compared exactly: a non-breaking space or a composed/decomposed accent would make two keys that
 * look identical differ. Printable includes the inner space.
 */
export function parseKey(raw: string): ParseResult<string> {
  const key = raw.trim();
  const length = key.length;
  if (length === 0) return EMPTY;
  for (let i = 0; i < length; i++) {
    const code = key.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) {
      return {
        error: 'contains a character that is not printable ASCII',
        detail: `${codePointLabel(key.codePointAt(i) ?? code)} at position ${i + 1}`,
      };
    }
  }
  if (length > MAX_KEY_LENGTH) {
    return {
      error: `is longer than ${MAX_KEY_LENGTH} characters, the most a key may have`,
      detail: `${length} characters`,
    };
  }
  return { value: key };
}

/**
 * Free text, trimmed, between `min` and `max` characters as Postgres counts them (code points, so
 * an emoji counts once). Control characters are refused, except tab and line breaks, which a quoted
 * CSV field may legitimately hold: the rest (NUL above all, which Postgres cannot store) only
 * appear when an export is corrupt.
 */
export function parseText(raw: string, min: number, max: number): ParseResult<string> {
  const text = raw.trim();
  if (text.length === 0 && min > 0) return EMPTY;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== TAB && code !== LF && code !== CR) || code === DEL) {
      return { error: 'contains a control character', detail: `${codePointLabel(code)} at position ${length + 1}` };
    }
    // A low surrogate continues the character its high surrogate started.
    if (code < 0xdc00 || code > 0xdfff) length++;
  }
  if (length > max) return { error: `is longer than ${max} characters`, detail: `${length} characters` };
  if (length < min) return { error: `is shorter than ${min} characters`, detail: `${length} characters` };
  return { value: text };
}

/**
 * A whole number written with digits and an optional leading minus, between `min` and `max`.
 * Strict on form: "3.0", "+3", "1e3", "1,000" and "0x1F" are refused, because an integer column
 * that receives them was probably computed or formatted by something we cannot see. Leading zeros
 * ("07") are accepted: zero padding is common and unambiguous.
 */
export function parseInteger(raw: string, min: number, max: number): ParseResult<number> {
  const text = raw.trim();
  const length = text.length;
  if (length === 0) return EMPTY;
  const negative = text.charCodeAt(0) === MINUS;
  let i = negative ? 1 : 0;
  let value = 0;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_9) break;
    value = value * 10 + (code - DIGIT_0);
  }
  if (i < length || length === (negative ? 1 : 0)) {
    if (ZERO_FRACTION.test(text)) return ZERO_FRACTION_ERROR;
    return NOT_WHOLE;
  }
  // `value` can be imprecise past 2^53, but such values are far outside every range we check.
  if (negative) value = value === 0 ? 0 : -value;
  if (value < min || value > max) return { error: `is not between ${min} and ${max}` };
  return { value };
}

/**
 * A number with `.` as the decimal point, at most `maxDecimals` digits after it (the contract only
 * uses one), between `min` and `max`. "7.50" is refused like "7.25": the rule is about what is
 * written, so that a rating of 7.25 is never silently shown as 7.3 or 7.2.
 */
export function parseDecimal(raw: string, min: number, max: number, maxDecimals = 1): ParseResult<number> {
  const text = raw.trim();
  if (text.length === 0) return EMPTY;
  if (!DECIMAL.test(text)) {
    if (COMMA_DECIMAL.test(text)) return COMMA_DECIMAL_ERROR;
    return NOT_A_NUMBER;
  }
  const dot = text.indexOf('.');
  if (dot >= 0 && text.length - dot - 1 > maxDecimals) {
    const places = maxDecimals === 1 ? 'one decimal place' : `${maxDecimals} decimal places`;
    return { error: `has more than ${places}` };
  }
  let value = Number(text);
  if (value === 0) value = 0; // "-0.0" is zero, not negative zero.
  if (value < min || value > max) return { error: `is not between ${min} and ${max}` };
  return { value };
}

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
  ['y', true],
  ['n', false],
  ['1', true],
  ['0', false],
]);
const NOT_A_BOOLEAN = { error: `is not one of: ${[...BOOLEAN_WORDS.keys()].join(', ')}` } as const;
const LONGEST_BOOLEAN_WORD = 5;

/** true/false, yes/no, y/n, 1/0 in any case. */
export function parseBoolean(raw: string): ParseResult<boolean> {
  const text = raw.trim();
  if (text.length === 0) return EMPTY;
  // Exact lower case is the common case and needs no allocation.
  const value =
    BOOLEAN_WORDS.get(text) ??
    (text.length <= LONGEST_BOOLEAN_WORD ? BOOLEAN_WORDS.get(text.toLowerCase()) : undefined);
  if (value === undefined) return NOT_A_BOOLEAN;
  return { value };
}
