import { FILE_KINDS, type FileKind } from './file-kinds';
import { canonicalHeaderName, checkHeader } from './header';
import { columnsOf, requiredColumnsOf } from './rules';

const IDENTIFIER_TAIL =
  'files with direct identifiers (names, birth dates, SSNs, phone numbers, email or street addresses) are refused whole and nothing from this file was stored';

describe('accepted headers', () => {
  test('maps canonical columns to positions, in any order', () => {
    expect(checkHeader('sites', ['site_name', 'site_id'])).toEqual({
      ok: true,
      kind: 'sites',
      columns: { site_name: 0, site_id: 1 },
      ignoredColumns: [],
      fieldCount: 2,
    });
  });

  test('tolerates a byte-order mark on the first header cell', () => {
    expect(checkHeader('sites', ['\uFEFFsite_id', 'site_name'])).toEqual({
      ok: true,
      kind: 'sites',
      columns: { site_id: 0, site_name: 1 },
      ignoredColumns: [],
      fieldCount: 2,
    });
  });

  test('a byte-order mark is trimmed like white space wherever it is', () => {
    expect(checkHeader('sites', ['\uFEFF site_id', '\uFEFFsite_name'])).toEqual({
      ok: true,
      kind: 'sites',
      columns: { site_id: 0, site_name: 1 },
      ignoredColumns: [],
      fieldCount: 2,
    });
  });

  test('trims and ignores case, and reads spaces and hyphens as underscores', () => {
    expect(checkHeader('attendance', [' Session ID ', 'PARTICIPANT_ID', 'Status', 'minutes-attended'])).toEqual({
      ok: true,
      kind: 'attendance',
      columns: { session_id: 0, participant_id: 1, status: 2, minutes_attended: 3 },
      ignoredColumns: [],
      fieldCount: 4,
    });
  });

  test('returns unknown and unnamed columns, as written and in file order, for one warning', () => {
    expect(checkHeader('sites', ['site_id', 'Region ', 'site_name', '', 'Notes'])).toEqual({
      ok: true,
      kind: 'sites',
      columns: { site_id: 0, site_name: 2 },
      ignoredColumns: ['Region', '(unnamed column 4)', 'Notes'],
      fieldCount: 5,
    });
  });

  test('optional columns may be absent', () => {
    expect(checkHeader('groups', ['group_id', 'site_id', 'group_type', 'group_name'])).toEqual({
      ok: true,
      kind: 'groups',
      columns: { group_id: 0, site_id: 1, group_type: 2, group_name: 3 },
      ignoredColumns: [],
      fieldCount: 4,
    });
  });

  test.each(FILE_KINDS)('a %s header with every column is accepted', (kind: FileKind) => {
    const columns = columnsOf(kind);
    const result = checkHeader(kind, [...columns]);
    expect(result).toEqual({
      ok: true,
      kind,
      columns: Object.fromEntries(columns.map((column, position) => [column, position])),
      ignoredColumns: [],
      fieldCount: columns.length,
    });
  });
});

describe('direct identifiers refuse the file, naming the column', () => {
  test.each([
    [
      ['participant_id', 'first_name'],
      [`a column looks like a direct identifier; ${IDENTIFIER_TAIL}`, '"first_name" (first_name)'],
    ],
    [
      ['participant_id', 'First Name'],
      [`a column looks like a direct identifier; ${IDENTIFIER_TAIL}`, '"First Name" (first_name)'],
    ],
    [
      ['\uFEFFDOB', 'participant_id'],
      [`a column looks like a direct identifier; ${IDENTIFIER_TAIL}`, '"DOB" (dob)'],
    ],
    [
      ['participant_id', 'name'],
      [`a column looks like a direct identifier; ${IDENTIFIER_TAIL}`, '"name" (name)'],
    ],
    [
      ['participant_id', 'email', 'birth_year', 'Zip'],
      [`columns look like direct identifiers; ${IDENTIFIER_TAIL}`, '"email" (email), "Zip" (zip)'],
    ],
    // Takes precedence over every other problem of the header, so it is never buried.
    [
      ['SSN', 'SSN'],
      [`columns look like direct identifiers; ${IDENTIFIER_TAIL}`, '"SSN" (ssn), "SSN" (ssn)'],
    ],
  ])('%j', (header, [error, detail]) => {
    expect(checkHeader('participants', header)).toEqual({ ok: false, code: 'direct_identifier', error, detail });
  });

  test.each(FILE_KINDS)('in %s files too', (kind) => {
    expect(checkHeader(kind, [...columnsOf(kind), 'Phone'])).toEqual({
      ok: false,
      code: 'direct_identifier',
      error: `a column looks like a direct identifier; ${IDENTIFIER_TAIL}`,
      detail: '"Phone" (phone)',
    });
  });
});

describe('other refusals', () => {
  test.each([
    [['site_id'], 'missing_column', ['missing required column "site_name"', null]],
    [['site_name', 'notes'], 'missing_column', ['missing required column "site_id"', null]],
    [[], 'missing_column', ['missing required columns "site_id", "site_name"', null]],
    [[''], 'missing_column', ['missing required columns "site_id", "site_name"', null]],
    [
      ['site_id', 'site_name', 'SITE_ID'],
      'duplicate_column',
      ['a column appears more than once', '"site_id" (columns 1 and 3)'],
    ],
    [
      ['site_id', 'site name', 'site_name', 'Site-Name'],
      'duplicate_column',
      ['a column appears more than once', '"site name" (columns 2, 3 and 4)'],
    ],
    [
      ['site_id', 'site_name', 'notes', 'Notes'],
      'duplicate_column',
      ['a column appears more than once', '"notes" (columns 3 and 4)'],
    ],
    [
      ['site_id', 'site_id'],
      'duplicate_column',
      ['a column appears more than once; missing required column "site_name"', '"site_id" (columns 1 and 2)'],
    ],
  ])('%j is refused: %s', (header, code, [error, detail]) => {
    expect(checkHeader('sites', header)).toEqual({ ok: false, code, error, detail });
  });

  test.each(FILE_KINDS)('every required column of %s is enforced', (kind) => {
    const required = requiredColumnsOf(kind);
    for (const column of required) {
      const header = columnsOf(kind).filter((name) => name !== column);
      expect(checkHeader(kind, header)).toEqual({
        ok: false,
        code: 'missing_column',
        error: `missing required column "${column}"`,
        detail: null,
      });
    }
  });

  test('the required columns are those the contract marks', () => {
    expect(Object.fromEntries(FILE_KINDS.map((kind) => [kind, requiredColumnsOf(kind)]))).toEqual({
      sites: ['site_id', 'site_name'],
      groups: ['group_id', 'site_id', 'group_type', 'group_name'],
      participants: ['participant_id'],
      enrollments: ['enrollment_id', 'participant_id', 'site_id', 'admission_date'],
      sessions: ['session_id', 'group_id', 'session_date'],
      attendance: ['session_id', 'participant_id', 'status'],
      feedback: ['session_id', 'participant_id', 'relationship', 'goals_topics', 'approach', 'overall'],
      sobriety: ['participant_id', 'report_date', 'days_used'],
    });
  });
});

test.each([
  ['Site ID', 'site_id'],
  ['  minutes - attended ', 'minutes_attended'],
  ['GOALS_TOPICS', 'goals_topics'],
])('canonicalHeaderName(%j) is %s', (name, canonical) => {
  expect(canonicalHeaderName(name)).toBe(canonical);
});
