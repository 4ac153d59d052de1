import { TEST_YEAR, type Fields, type Reason, validateFields, withDetail } from '../testing/row-fixtures';

const VALID: Fields<'participants'> = { participant_id: 'C-100234' };

test('a full participant is normalised', () => {
  expect(
    validateFields('participants', VALID, {
      birth_year: '1987',
      gender: 'Non-Binary',
      primary_substance: 'Opioids',
      co_occurring: 'Y',
    }),
  ).toEqual({
    ok: true,
    row: {
      participant_id: 'C-100234',
      birth_year: 1987,
      gender: 'nonbinary',
      primary_substance: 'opioids',
      co_occurring: true,
    },
  });
});

test.each<[string, Fields<'participants'>, Record<string, unknown>]>([
  ['only the key', {}, { birth_year: null, gender: null, primary_substance: null, co_occurring: null }],
  ['birth_year 1900', { birth_year: '1900' }, { birth_year: 1900 }],
  ['birth_year this year', { birth_year: String(TEST_YEAR) }, { birth_year: TEST_YEAR }],
  ['co_occurring no', { co_occurring: 'no' }, { co_occurring: false }],
  ['co_occurring 0', { co_occurring: '0' }, { co_occurring: false }],
  ['co_occurring TRUE', { co_occurring: 'TRUE' }, { co_occurring: true }],
])('%s', (_case, changes, expected) => {
  const result = validateFields('participants', VALID, changes);
  expect(result.ok).toBe(true);
  if (result.ok) expect(result.row).toMatchObject(expected);
});

test.each<[string, Fields<'participants'>, string, string, Reason]>([
  ['participant_id missing', { participant_id: '' }, 'participant_id', '', 'participant_id is required but empty'],
  ['birth_year 1899', { birth_year: '1899' }, 'birth_year', '1899', `birth_year is not between 1900 and ${TEST_YEAR}`],
  [
    'birth_year next year',
    { birth_year: String(TEST_YEAR + 1) },
    'birth_year',
    String(TEST_YEAR + 1),
    `birth_year is not between 1900 and ${TEST_YEAR}`,
  ],
  ['birth_year a date', { birth_year: '1987-04-02' }, 'birth_year', '1987-04-02', 'birth_year is not a whole number'],
  [
    'gender unknown code',
    { gender: 'F' },
    'gender',
    'F',
    'gender is not one of: female, male, nonbinary, other, unknown',
  ],
  [
    'primary_substance unknown',
    { primary_substance: 'heroin' },
    'primary_substance',
    'heroin',
    'primary_substance is not one of: alcohol, opioids, stimulants, cannabis, sedatives, other',
  ],
  [
    'co_occurring unclear',
    { co_occurring: 'unknown' },
    'co_occurring',
    'unknown',
    'co_occurring is not one of: true, false, yes, no, y, n, 1, 0',
  ],
])('%s', (_case, changes, column, value, reason) => {
  expect(validateFields('participants', VALID, changes)).toEqual({
    ok: false,
    errors: [{ column, value, ...withDetail(reason) }],
  });
});
