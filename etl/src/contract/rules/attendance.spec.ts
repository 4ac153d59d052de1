import { type Fields, validateFields } from '../testing/row-fixtures';

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

test.each<[string, Fields<'attendance'>, string, string, string]>([
  ['session_id missing', { session_id: '' }, 'session_id', '', 'session_id is required but empty'],
  ['participant_id missing', { participant_id: '' }, 'participant_id', '', 'participant_id is required but empty'],
  ['status missing', { status: '' }, 'status', '', 'status is required but empty'],
  [
    'status unknown',
    { status: 'attended' },
    'status',
    'attended',
    'status "attended" is not one of: present, late, left_early, absent, excused',
  ],
  [
    'minutes 481',
    { minutes_attended: '481' },
    'minutes_attended',
    '481',
    'minutes_attended "481" is not between 0 and 480',
  ],
  [
    'minutes negative',
    { minutes_attended: '-5' },
    'minutes_attended',
    '-5',
    'minutes_attended "-5" is not between 0 and 480',
  ],
  [
    'absent with minutes',
    { status: 'absent', minutes_attended: '45' },
    'minutes_attended',
    '45',
    'minutes_attended is 45 but status is absent; a participant who was absent attended 0 minutes',
  ],
  [
    'excused with minutes',
    { status: 'excused', minutes_attended: '10' },
    'minutes_attended',
    '10',
    'minutes_attended is 10 but status is excused; a participant who was excused attended 0 minutes',
  ],
  [
    'present with 0 minutes',
    { status: 'present', minutes_attended: '0' },
    'minutes_attended',
    '0',
    'minutes_attended is 0 but status is present; leave minutes_attended empty if the minutes are not known',
  ],
])('%s', (_case, changes, column, value, reason) => {
  expect(validateFields('attendance', VALID, changes)).toEqual({ ok: false, errors: [{ column, value, reason }] });
});
