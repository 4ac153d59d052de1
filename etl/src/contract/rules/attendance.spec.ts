import { type Fields, type Reason, validateFields, withDetail } from '../testing/row-fixtures';

const VALID: Fields<'attendance'> = { session_id: 'SS-1', participant_id: 'C-100234', status: 'present' };

test('a row is normalised', () => {
  expect(validateFields('attendance', VALID, { status: 'Left Early', minutes_attended: '45' })).toEqual({
    ok: true,
    row: { session_id: 'SS-1', participant_id: 'C-100234', status: 'left_early', minutes_attended: 45 },
  });
});

test.each<[string, Fields<'attendance'>]>([
  ['present, minutes unknown', { status: 'present' }],
  ['late, 480 minutes', { status: 'LATE', minutes_attended: '480' }],
  ['absent, 0 minutes', { status: 'absent', minutes_attended: '0' }],
  ['excused, minutes empty', { status: 'Excused' }],
])('accepted: %s', (_case, changes) => {
  expect(validateFields('attendance', VALID, changes).ok).toBe(true);
});

test.each<[string, Fields<'attendance'>, string, string, Reason]>([
  ['session_id missing', { session_id: '' }, 'session_id', '', 'session_id is required but empty'],
  ['participant_id missing', { participant_id: '' }, 'participant_id', '', 'participant_id is required but empty'],
  ['status missing', { status: '' }, 'status', '', 'status is required but empty'],
  [
    'status unknown',
    { status: 'attended' },
    'status',
    'attended',
    'status is not one of: present, late, left_early, absent, excused',
  ],
  ['minutes 481', { minutes_attended: '481' }, 'minutes_attended', '481', 'minutes_attended is not between 0 and 480'],
  [
    'minutes negative',
    { minutes_attended: '-5' },
    'minutes_attended',
    '-5',
    'minutes_attended is not between 0 and 480',
  ],
  [
    'absent with minutes',
    { status: 'absent', minutes_attended: '45' },
    'minutes_attended',
    '45',
    {
      reason:
        'minutes_attended is more than 0 but the status says the participant was not there (absent or excused), so they attended 0 minutes',
      detail: 'minutes_attended 45, status absent',
    },
  ],
  [
    'excused with minutes',
    { status: 'excused', minutes_attended: '10' },
    'minutes_attended',
    '10',
    {
      reason:
        'minutes_attended is more than 0 but the status says the participant was not there (absent or excused), so they attended 0 minutes',
      detail: 'minutes_attended 10, status excused',
    },
  ],
  [
    'present with 0 minutes',
    { status: 'present', minutes_attended: '0' },
    'minutes_attended',
    '0',
    {
      reason:
        'minutes_attended is 0 but the status says the participant attended; leave minutes_attended empty if the minutes are not known',
      detail: 'status present',
    },
  ],
])('%s', (_case, changes, column, value, reason) => {
  expect(validateFields('attendance', VALID, changes)).toEqual({
    ok: false,
    errors: [{ column, value, ...withDetail(reason) }],
  });
});
