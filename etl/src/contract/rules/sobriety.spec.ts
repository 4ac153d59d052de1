import { type Fields, type Reason, validateFields, withDetail } from '../testing/row-fixtures';

const VALID: Fields<'sobriety'> = { participant_id: 'C-100234', report_date: '2025-03-07', days_used: '0' };

test('window_days defaults to 7', () => {
  expect(validateFields('sobriety', VALID)).toEqual({
    ok: true,
    row: {
      participant_id: 'C-100234',
      report_date: '2025-03-07',
      days_used: 0,
      window_days: 7,
      craving: null,
      goal_met: null,
    },
  });
});

test('a full check-in is normalised', () => {
  expect(
    validateFields('sobriety', VALID, {
      report_date: '3/7/2025',
      days_used: '2',
      window_days: '14',
      craving: '6.5',
      goal_met: 'Yes',
    }),
  ).toEqual({
    ok: true,
    row: {
      participant_id: 'C-100234',
      report_date: '2025-03-07',
      days_used: 2,
      window_days: 14,
      craving: 6.5,
      goal_met: true,
    },
  });
});

test.each<[string, Fields<'sobriety'>]>([
  ['all 7 days of the default window', { days_used: '7' }],
  ['30 of 30', { days_used: '30', window_days: '30' }],
  ['1-day window', { days_used: '1', window_days: '1' }],
  ['craving 0', { craving: '0' }],
  ['craving 10.0', { craving: '10.0' }],
  ['goal_met n', { goal_met: 'n' }],
])('accepted: %s', (_case, changes) => {
  expect(validateFields('sobriety', VALID, changes).ok).toBe(true);
});

test.each<[string, Fields<'sobriety'>, string, string, Reason]>([
  ['participant_id missing', { participant_id: '' }, 'participant_id', '', 'participant_id is required but empty'],
  ['report_date missing', { report_date: '' }, 'report_date', '', 'report_date is required but empty'],
  ['days_used missing', { days_used: '' }, 'days_used', '', 'days_used is required but empty'],
  [
    'days_used over the default window',
    { days_used: '8' },
    'days_used',
    '8',
    {
      reason: 'days_used is more than window_days (the default when window_days is empty)',
      detail: 'days_used 8, window_days 7',
    },
  ],
  [
    'days_used over a written window of 7',
    { days_used: '8', window_days: '7' },
    'days_used',
    '8',
    { reason: 'days_used is more than window_days', detail: 'days_used 8, window_days 7' },
  ],
  [
    'days_used over a window of 14',
    { days_used: '15', window_days: '14' },
    'days_used',
    '15',
    { reason: 'days_used is more than window_days', detail: 'days_used 15, window_days 14' },
  ],
  ['days_used over 30', { days_used: '31', window_days: '30' }, 'days_used', '31', 'days_used is not between 0 and 30'],
  ['days_used negative', { days_used: '-1' }, 'days_used', '-1', 'days_used is not between 0 and 30'],
  ['window_days 0', { window_days: '0' }, 'window_days', '0', 'window_days is not between 1 and 30'],
  ['window_days 31', { window_days: '31' }, 'window_days', '31', 'window_days is not between 1 and 30'],
  ['craving 10.5', { craving: '10.5' }, 'craving', '10.5', 'craving is not between 0 and 10'],
  ['craving 3.25', { craving: '3.25' }, 'craving', '3.25', 'craving has more than one decimal place'],
  [
    'goal_met unclear',
    { goal_met: 'partly' },
    'goal_met',
    'partly',
    'goal_met is not one of: true, false, yes, no, y, n, 1, 0',
  ],
])('%s', (_case, changes, column, value, reason) => {
  expect(validateFields('sobriety', VALID, changes)).toEqual({
    ok: false,
    errors: [{ column, value, ...withDetail(reason) }],
  });
});

test('an unreadable window_days is not replaced by the default', () => {
  expect(validateFields('sobriety', VALID, { days_used: '20', window_days: 'week' })).toEqual({
    ok: false,
    errors: [{ column: 'window_days', value: 'week', reason: 'window_days is not a whole number', detail: null }],
  });
});
