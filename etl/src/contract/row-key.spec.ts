import { rowKey } from './row-key';

test.each([
  ['single key', rowKey('sites', { site_id: 'S-01', site_name: 'Riverside' }), 'S-01'],
  [
    'attendance key joins session and participant',
    rowKey('attendance', { session_id: 'SS-1', participant_id: 'C-9', status: 'present', minutes_attended: null }),
    'SS-1\u001fC-9',
  ],
  [
    'sobriety key includes the date',
    rowKey('sobriety', {
      participant_id: 'C-9',
      report_date: '2025-03-07',
      days_used: 0,
      window_days: 7,
      craving: null,
      goal_met: null,
    }),
    'C-9\u001f2025-03-07',
  ],
])('%s', (_case, key, expected) => {
  expect(key).toBe(expected);
});
