import { type Fields, type Reason, validateFields, withDetail } from '../testing/row-fixtures';

const VALID: Fields<'sessions'> = { session_id: 'SS-1', group_id: 'G-7', session_date: '2025-03-04' };

test('a full session is normalised', () => {
  expect(
    validateFields('sessions', VALID, { session_date: '3/4/2025', duration_minutes: '90', topic: ' Urge surfing ' }),
  ).toEqual({
    ok: true,
    row: {
      session_id: 'SS-1',
      group_id: 'G-7',
      session_date: '2025-03-04',
      duration_minutes: 90,
      topic: 'Urge surfing',
    },
  });
});

test.each<[string, Fields<'sessions'>]>([
  ['15 minutes', { duration_minutes: '15' }],
  ['480 minutes', { duration_minutes: '480' }],
  ['topic of 200 characters', { topic: 't'.repeat(200) }],
])('accepted: %s', (_case, changes) => {
  expect(validateFields('sessions', VALID, changes).ok).toBe(true);
});

test.each<[string, Fields<'sessions'>, string, string, Reason]>([
  ['session_id missing', { session_id: '' }, 'session_id', '', 'session_id is required but empty'],
  ['group_id missing', { group_id: '' }, 'group_id', '', 'group_id is required but empty'],
  ['session_date missing', { session_date: '' }, 'session_date', '', 'session_date is required but empty'],
  [
    'session_date D/M/Y',
    { session_date: '25/3/2025' },
    'session_date',
    '25/3/2025',
    'session_date is not a real calendar date (dates with slashes are read as month/day/year)',
  ],
  ['14 minutes', { duration_minutes: '14' }, 'duration_minutes', '14', 'duration_minutes is not between 15 and 480'],
  ['481 minutes', { duration_minutes: '481' }, 'duration_minutes', '481', 'duration_minutes is not between 15 and 480'],
  [
    '90.0 minutes',
    { duration_minutes: '90.0' },
    'duration_minutes',
    '90.0',
    'duration_minutes must be written without a decimal point',
  ],
  [
    'topic of 201 characters',
    { topic: 't'.repeat(201) },
    'topic',
    't'.repeat(201),
    { reason: 'topic is longer than 200 characters', detail: '201 characters' },
  ],
])('%s', (_case, changes, column, value, reason) => {
  expect(validateFields('sessions', VALID, changes)).toEqual({
    ok: false,
    errors: [{ column, value, ...withDetail(reason) }],
  });
});
