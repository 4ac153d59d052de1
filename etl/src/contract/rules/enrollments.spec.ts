import { type Fields, validateFields } from '../testing/row-fixtures';

const OPEN: Fields<'enrollments'> = {
  enrollment_id: 'E-1',
  participant_id: 'C-100234',
  site_id: 'S-01',
  admission_date: '2025-02-01',
};

test('an open episode is normalised', () => {
  expect(validateFields('enrollments', OPEN)).toEqual({
    ok: true,
    row: {
      enrollment_id: 'E-1',
      participant_id: 'C-100234',
      site_id: 'S-01',
      admission_date: '2025-02-01',
      discharge_date: null,
      discharge_reason: null,
      assessment_date: null,
      baseline_days_used: null,
    },
  });
});

test('a closed episode in US dates and a TEDS code is normalised', () => {
  expect(
    validateFields('enrollments', OPEN, {
      admission_date: '2/1/2025',
      discharge_date: '4/30/2025',
      discharge_reason: '2',
      assessment_date: '1/28/2025',
      baseline_days_used: '18',
    }),
  ).toEqual({
    ok: true,
    row: {
      enrollment_id: 'E-1',
      participant_id: 'C-100234',
      site_id: 'S-01',
      admission_date: '2025-02-01',
      discharge_date: '2025-04-30',
      discharge_reason: 'dropped_out',
      assessment_date: '2025-01-28',
      baseline_days_used: 18,
    },
  });
});

test.each<[string, Fields<'enrollments'>]>([
  ['discharged the day of admission', { discharge_date: '2025-02-01', discharge_reason: 'completed' }],
  ['assessed the day of admission', { assessment_date: '2025-02-01' }],
  ['baseline 0 days', { baseline_days_used: '0' }],
  ['baseline 30 days', { baseline_days_used: '30' }],
  ['TEDS code 7', { discharge_date: '2025-03-01', discharge_reason: '7' }],
  ['reason in words, mixed case', { discharge_date: '2025-03-01', discharge_reason: 'Dropped Out' }],
])('accepted: %s', (_case, changes) => {
  expect(validateFields('enrollments', OPEN, changes).ok).toBe(true);
});

// Each error's reason is the rule's fixed text; the row's own dates and codes are in its detail.
type Expected = { column: string; value: string; reason: string; detail?: string };

test.each<[string, Fields<'enrollments'>, Expected[]]>([
  [
    'discharge before admission',
    { admission_date: '2025-02-01', discharge_date: '2025-01-03', discharge_reason: 'completed' },
    [
      {
        column: 'discharge_date',
        value: '2025-01-03',
        reason: 'discharge_date is before admission_date',
        detail: 'discharge_date 2025-01-03, admission_date 2025-02-01',
      },
    ],
  ],
  [
    'discharge before admission, in US dates',
    { admission_date: '2/1/2025', discharge_date: '1/3/2025', discharge_reason: '1' },
    [
      {
        column: 'discharge_date',
        value: '1/3/2025',
        reason: 'discharge_date is before admission_date',
        detail: 'discharge_date 2025-01-03, admission_date 2025-02-01',
      },
    ],
  ],
  [
    'discharge date without a reason',
    { discharge_date: '2025-03-01' },
    [
      {
        column: 'discharge_reason',
        value: '',
        reason: 'discharge_reason is required when discharge_date is set',
        detail: 'discharge_date 2025-03-01',
      },
    ],
  ],
  [
    'reason without a discharge date',
    { discharge_reason: 'completed' },
    [
      {
        column: 'discharge_reason',
        value: 'completed',
        reason:
          'discharge_reason is given but discharge_date is empty; an episode that is still open has no discharge reason',
        detail: 'discharge_reason completed',
      },
    ],
  ],
  [
    'TEDS code without a discharge date',
    { discharge_reason: '5' },
    [
      {
        column: 'discharge_reason',
        value: '5',
        reason:
          'discharge_reason is given but discharge_date is empty; an episode that is still open has no discharge reason',
        detail: 'discharge_reason incarcerated',
      },
    ],
  ],
  [
    'unknown reason',
    { discharge_date: '2025-03-01', discharge_reason: '8' },
    [
      {
        column: 'discharge_reason',
        value: '8',
        reason:
          'discharge_reason is not one of: completed, dropped_out, terminated, transferred, incarcerated, died, other (or a TEDS code 1-7)',
      },
    ],
  ],
  [
    'unreadable discharge date: the reason rules are not guessed',
    { discharge_date: '2025-02-30' },
    [
      {
        column: 'discharge_date',
        value: '2025-02-30',
        reason: 'discharge_date is not a real calendar date',
      },
    ],
  ],
  [
    'assessment after admission',
    { assessment_date: '2025-02-03' },
    [
      {
        column: 'assessment_date',
        value: '2025-02-03',
        reason: 'assessment_date is after admission_date',
        detail: 'assessment_date 2025-02-03, admission_date 2025-02-01',
      },
    ],
  ],
  [
    'admission missing: date-order rules cannot apply',
    { admission_date: '', discharge_date: '2025-01-01', discharge_reason: 'other', assessment_date: '2026-01-01' },
    [{ column: 'admission_date', value: '', reason: 'admission_date is required but empty' }],
  ],
  [
    'baseline over 30',
    { baseline_days_used: '31' },
    [{ column: 'baseline_days_used', value: '31', reason: 'baseline_days_used is not between 0 and 30' }],
  ],
  [
    'every problem of the row at once',
    {
      enrollment_id: '',
      admission_date: '2025-02-01',
      discharge_date: '1/15/2025',
      assessment_date: '2025-03-01',
      baseline_days_used: '-2',
    },
    [
      { column: 'enrollment_id', value: '', reason: 'enrollment_id is required but empty' },
      { column: 'baseline_days_used', value: '-2', reason: 'baseline_days_used is not between 0 and 30' },
      {
        column: 'discharge_date',
        value: '1/15/2025',
        reason: 'discharge_date is before admission_date',
        detail: 'discharge_date 2025-01-15, admission_date 2025-02-01',
      },
      {
        column: 'assessment_date',
        value: '2025-03-01',
        reason: 'assessment_date is after admission_date',
        detail: 'assessment_date 2025-03-01, admission_date 2025-02-01',
      },
      {
        column: 'discharge_reason',
        value: '',
        reason: 'discharge_reason is required when discharge_date is set',
        detail: 'discharge_date 2025-01-15',
      },
    ],
  ],
])('%s', (_case, changes, errors) => {
  expect(validateFields('enrollments', OPEN, changes)).toEqual({
    ok: false,
    errors: errors.map((error) => ({ ...error, detail: error.detail ?? null })),
  });
});
