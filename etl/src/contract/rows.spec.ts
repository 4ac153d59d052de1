import { checkHeader, type AcceptedHeader } from './header';
import { createRowValidator, validateRow, WHOLE_ROW } from './rows';
import { TEST_YEAR } from './testing/row-fixtures';

function acceptedHeader<K extends Parameters<typeof checkHeader>[0]>(kind: K, names: string[]): AcceptedHeader<K> {
  const header = checkHeader(kind, names);
  if (!header.ok) throw new Error(header.error);
  return header;
}

// Columns out of contract order, with an ignored column in the middle.
const SESSIONS = acceptedHeader('sessions', ['topic', 'Session_Date', 'notes', 'session_id', 'group_id']);

describe('reading a record through its header', () => {
  test('fields are taken by header position and come back under canonical names, in contract order', () => {
    const result = validateRow('sessions', ['Relapse prevention', '3/4/2025', 'ignored', ' S-1 ', 'G-1'], SESSIONS);
    expect(result).toEqual({
      ok: true,
      row: {
        session_id: 'S-1',
        group_id: 'G-1',
        session_date: '2025-03-04',
        duration_minutes: null,
        topic: 'Relapse prevention',
      },
    });
    if (result.ok)
      expect(Object.keys(result.row)).toEqual(['session_id', 'group_id', 'session_date', 'duration_minutes', 'topic']);
  });

  test('an ignored column is never read, whatever it holds', () => {
    expect(validateRow('sessions', ['', '2025-03-04', 'not a date \u0000', 'S-1', 'G-1'], SESSIONS).ok).toBe(true);
  });

  test('a blank field is missing, like an empty one', () => {
    expect(validateRow('sessions', ['   ', '2025-03-04', '', 'S-1', '\t'], SESSIONS)).toEqual({
      ok: false,
      errors: [{ column: 'group_id', value: '\t', reason: 'group_id is required but empty', detail: null }],
    });
  });

  test('every error of the row is reported, each with the field as written', () => {
    expect(validateRow('sessions', ['x'.repeat(201), '2/30/2025', '', '', 'G 1\u00e9'], SESSIONS)).toEqual({
      ok: false,
      errors: [
        { column: 'session_id', value: '', reason: 'session_id is required but empty', detail: null },
        {
          column: 'group_id',
          value: 'G 1\u00e9',
          reason: 'group_id contains a character that is not printable ASCII',
          detail: 'U+00E9 at position 4',
        },
        {
          column: 'session_date',
          value: '2/30/2025',
          reason: 'session_date is not a real calendar date',
          detail: null,
        },
        {
          column: 'topic',
          value: 'x'.repeat(201),
          reason: 'topic is longer than 200 characters',
          detail: '201 characters',
        },
      ],
    });
  });
});

describe('field count', () => {
  test.each([
    [
      ['Topic', '2025-03-04', 'a', 'b', 'S-1', 'G-1'],
      'the row has more fields than the header has columns, so its values cannot be matched to columns (a value may contain an unquoted comma)',
      '6 fields; the header has 5 columns',
    ],
    [
      ['Topic', '2025-03-04', 'S-1', 'G-1'],
      'the row has fewer fields than the header has columns, so its values cannot be matched to columns',
      '4 fields; the header has 5 columns',
    ],
    [
      [''],
      'the row has fewer fields than the header has columns, so its values cannot be matched to columns',
      '1 field; the header has 5 columns',
    ],
  ])('%j is refused as a whole', (record, reason, detail) => {
    expect(validateRow('sessions', record, SESSIONS)).toEqual({
      ok: false,
      errors: [{ column: WHOLE_ROW, value: '', reason, detail }],
    });
  });

  test('blank fields past the last column (a trailing comma) are harmless', () => {
    expect(validateRow('sessions', ['', '2025-03-04', '', 'S-1', 'G-1', '', ' '], SESSIONS).ok).toBe(true);
  });
});

describe('createRowValidator', () => {
  const participants = acceptedHeader('participants', ['participant_id', 'birth_year']);

  test('validates many records with one plan', () => {
    const validate = createRowValidator(participants, { currentYear: 2030 });
    expect(validate(['P-1', '2030'])).toEqual({
      ok: true,
      row: { participant_id: 'P-1', birth_year: 2030, gender: null, primary_substance: null, co_occurring: null },
    });
    expect(validate(['P-2', '2031'])).toEqual({
      ok: false,
      errors: [
        { column: 'birth_year', value: '2031', reason: 'birth_year is not between 1900 and 2030', detail: null },
      ],
    });
    // State from the failed row must not leak into the next one.
    expect(validate(['P-3', ''])).toEqual({
      ok: true,
      row: { participant_id: 'P-3', birth_year: null, gender: null, primary_substance: null, co_occurring: null },
    });
  });

  test('defaults currentYear to the clock year', () => {
    const year = new Date().getUTCFullYear();
    expect(createRowValidator(participants)(['P-1', String(year + 1)])).toEqual({
      ok: false,
      errors: [
        {
          column: 'birth_year',
          value: String(year + 1),
          reason: `birth_year is not between 1900 and ${year}`,
          detail: null,
        },
      ],
    });
    expect(validateRow('participants', ['P-1', String(year)], participants).ok).toBe(true);
  });

  test('validateRow honours currentYear per call', () => {
    expect(validateRow('participants', ['P-1', '2026'], participants, { currentYear: TEST_YEAR }).ok).toBe(true);
    expect(validateRow('participants', ['P-1', '2026'], participants, { currentYear: 2025 })).toEqual({
      ok: false,
      errors: [
        { column: 'birth_year', value: '2026', reason: 'birth_year is not between 1900 and 2025', detail: null },
      ],
    });
  });

  test('validateRow refuses a header of another kind (a programming error)', () => {
    const sites = acceptedHeader('sites', ['site_id', 'site_name']);
    // Deliberately wrong pairing, as a caller without types could make it.
    const header = sites as unknown as AcceptedHeader<'participants'>;
    expect(() => validateRow('participants', ['P-1'], header)).toThrow(
      'validateRow: a sites header was given for a participants row',
    );
  });
});
