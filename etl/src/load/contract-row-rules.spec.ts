// The contract's row rules that need nothing but the row: each bad row is rejected with its line,
// column, value and reason, and the other rows of the file still go in. One fixture each in
// test/fixtures/not-ok/<rule>/, loaded on top of the clean fixture.

import { describeRules, type RuleCase } from './testing/rule-cases';

jest.setTimeout(60_000);

const NOT_IN_CONTRACT = (name: string, accepted: string) => `${name} is not one of: ${accepted}`;

const CASES: RuleCase[] = [
  {
    rule: 'keys',
    files: { 'sites.csv': '4/1/0/0/3' },
    rejects: [
      [
        'sites.csv',
        2,
        'site_id',
        'K'.repeat(65),
        'site_id is longer than 64 characters, the most a key may have',
        '65 characters',
      ],
      [
        'sites.csv',
        3,
        'site_id',
        'Sé',
        'site_id contains a character that is not printable ASCII',
        'U+00E9 at position 2',
      ],
      ['sites.csv', 5, 'site_id', '', 'site_id is required but empty', null],
    ],
    // Keys are compared after trimming: " S5 " is S5.
    tables: (contents) => expect(contents.site).toContainEqual({ site_id: 'S5', site_name: 'Trimmed key' }),
  },
  {
    rule: 'field-count',
    files: { 'attendance.csv': '3/1/0/0/2' },
    rejects: [
      [
        'attendance.csv',
        2,
        null,
        null,
        'the row has more fields than the header has columns, so its values cannot be matched to columns (a value may contain an unquoted comma)',
        '5 fields; the header has 4 columns',
      ],
      [
        'attendance.csv',
        3,
        null,
        null,
        'the row has fewer fields than the header has columns, so its values cannot be matched to columns',
        '3 fields; the header has 4 columns',
      ],
    ],
  },
  {
    rule: 'text-length',
    files: { 'sites.csv': '3/1/0/0/2', 'groups.csv': '1/0/0/0/1' },
    rejects: [
      ['groups.csv', 2, 'group_name', '', 'group_name is required but empty', null],
      ['sites.csv', 2, 'site_name', 'n'.repeat(201), 'site_name is longer than 200 characters', '201 characters'],
      ['sites.csv', 4, 'site_name', 'Bell\u0007', 'site_name contains a control character', 'U+0007 at position 5'],
    ],
    tables: (contents) => expect(contents.site).toContainEqual({ site_id: 'S7', site_name: 'Tab\there' }),
  },
  {
    rule: 'group-type',
    files: { 'groups.csv': '1/0/0/0/1' },
    rejects: [
      [
        'groups.csv',
        2,
        'group_type',
        'yoga',
        NOT_IN_CONTRACT('group_type', 'psychoeducation, skills, process, trauma_informed, family'),
        null,
      ],
    ],
  },
  {
    rule: 'enums',
    files: {
      'groups.csv': '1/0/0/0/1',
      'participants.csv': '1/0/0/0/1',
      'enrollments.csv': '1/0/0/0/1',
      'attendance.csv': '1/0/0/0/1',
    },
    rejects: [
      [
        'attendance.csv',
        2,
        'status',
        'maybe',
        NOT_IN_CONTRACT('status', 'present, late, left_early, absent, excused'),
        null,
      ],
      [
        'enrollments.csv',
        2,
        'discharge_reason',
        '8',
        NOT_IN_CONTRACT(
          'discharge_reason',
          'completed, dropped_out, terminated, transferred, incarcerated, died, other (or a TEDS code 1-7)',
        ),
        null,
      ],
      [
        'groups.csv',
        2,
        'modality',
        'art',
        NOT_IN_CONTRACT('modality', 'cbt, dbt, mindfulness, motivational, twelve_step, other'),
        null,
      ],
      [
        'participants.csv',
        2,
        'gender',
        'F',
        NOT_IN_CONTRACT('gender', 'female, male, nonbinary, other, unknown'),
        null,
      ],
      [
        'participants.csv',
        2,
        'primary_substance',
        'heroin',
        NOT_IN_CONTRACT('primary_substance', 'alcohol, opioids, stimulants, cannabis, sedatives, other'),
        null,
      ],
    ],
  },
  {
    rule: 'integers',
    files: {
      'groups.csv': '2/0/0/0/2',
      'participants.csv': '2/0/0/0/2',
      'enrollments.csv': '1/0/0/0/1',
      'sessions.csv': '1/0/0/0/1',
      'attendance.csv': '1/0/0/0/1',
    },
    rejects: [
      ['attendance.csv', 2, 'minutes_attended', '481', 'minutes_attended is not between 0 and 480', null],
      ['enrollments.csv', 2, 'baseline_days_used', '31', 'baseline_days_used is not between 0 and 30', null],
      ['groups.csv', 2, 'capacity', '31', 'capacity is not between 1 and 30', null],
      ['groups.csv', 3, 'capacity', '3.5', 'capacity is not a whole number', null],
      ['participants.csv', 2, 'birth_year', '1899', 'birth_year is not between 1900 and 2026', null],
      ['participants.csv', 3, 'birth_year', '2027', 'birth_year is not between 1900 and 2026', null],
      ['sessions.csv', 2, 'duration_minutes', '10', 'duration_minutes is not between 15 and 480', null],
    ],
  },
  {
    rule: 'dates',
    files: { 'sessions.csv': '5/1/0/0/4' },
    rejects: [
      ['sessions.csv', 2, 'session_date', '2025-02-30', 'session_date is not a real calendar date', null],
      [
        'sessions.csv',
        3,
        'session_date',
        '13/1/2025',
        'session_date is not a real calendar date (dates with slashes are read as month/day/year)',
        null,
      ],
      [
        'sessions.csv',
        4,
        'session_date',
        '1/5/25',
        'session_date has a two-digit year; write the year in full (M/D/YYYY)',
        null,
      ],
      [
        'sessions.csv',
        5,
        'session_date',
        '2025-01-05T10:00',
        'session_date includes a time of day; give the date only (YYYY-MM-DD or M/D/YYYY)',
        null,
      ],
    ],
    tables: (contents) =>
      expect(contents.group_session).toContainEqual(
        expect.objectContaining({ session_id: 'X11', session_date: '2025-02-04' }),
      ),
  },
  {
    rule: 'episode-dates',
    files: { 'enrollments.csv': '4/0/0/0/4' },
    rejects: [
      [
        'enrollments.csv',
        2,
        'discharge_date',
        '2025-03-01',
        'discharge_date is before admission_date',
        'discharge_date 2025-03-01, admission_date 2025-03-10',
      ],
      [
        'enrollments.csv',
        3,
        'discharge_reason',
        '',
        'discharge_reason is required when discharge_date is set',
        'discharge_date 2025-04-30',
      ],
      [
        'enrollments.csv',
        4,
        'discharge_reason',
        'completed',
        'discharge_reason is given but discharge_date is empty; an episode that is still open has no discharge reason',
        'discharge_reason completed',
      ],
      [
        'enrollments.csv',
        5,
        'assessment_date',
        '2025-06-02',
        'assessment_date is after admission_date',
        'assessment_date 2025-06-02, admission_date 2025-06-01',
      ],
    ],
  },
  {
    rule: 'booleans',
    files: { 'participants.csv': '1/0/0/0/1', 'sobriety.csv': '1/0/0/0/1' },
    rejects: [
      [
        'participants.csv',
        2,
        'co_occurring',
        'maybe',
        'co_occurring is not one of: true, false, yes, no, y, n, 1, 0',
        null,
      ],
      ['sobriety.csv', 2, 'goal_met', 'sometimes', 'goal_met is not one of: true, false, yes, no, y, n, 1, 0', null],
    ],
  },
  {
    rule: 'ratings',
    files: { 'feedback.csv': '4/0/0/0/4' },
    rejects: [
      ['feedback.csv', 2, 'relationship', '10.5', 'relationship is not between 0 and 10', null],
      ['feedback.csv', 3, 'relationship', '7.25', 'relationship has more than one decimal place', null],
      ['feedback.csv', 4, 'relationship', '7,5', 'relationship is not a number (use . as the decimal point)', null],
      ['feedback.csv', 5, 'goals_topics', '-1', 'goals_topics is not between 0 and 10', null],
      ['feedback.csv', 5, 'overall', '', 'overall is required but empty', null],
    ],
  },
  {
    rule: 'sobriety-days',
    files: { 'sobriety.csv': '3/0/0/0/3' },
    rejects: [
      [
        'sobriety.csv',
        2,
        'days_used',
        '8',
        'days_used is more than window_days (the default when window_days is empty)',
        'days_used 8, window_days 7',
      ],
      ['sobriety.csv', 3, 'days_used', '10', 'days_used is more than window_days', 'days_used 10, window_days 9'],
      ['sobriety.csv', 4, 'window_days', '31', 'window_days is not between 1 and 30', null],
    ],
  },
  {
    rule: 'attendance-minutes',
    files: { 'attendance.csv': '2/0/0/0/2' },
    rejects: [
      [
        'attendance.csv',
        2,
        'minutes_attended',
        '45',
        'minutes_attended is more than 0 but the status says the participant was not there (absent or excused), so they attended 0 minutes',
        'minutes_attended 45, status absent',
      ],
      [
        'attendance.csv',
        3,
        'minutes_attended',
        '0',
        'minutes_attended is 0 but the status says the participant attended; leave minutes_attended empty if the minutes are not known',
        'status present',
      ],
    ],
  },
];

describeRules('each row rule of the data contract', CASES);
