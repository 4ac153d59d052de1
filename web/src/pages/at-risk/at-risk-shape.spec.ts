import { describeReason, sortAtRisk, type AtRiskEpisode } from './at-risk-shape';

const episode = (overrides: Partial<AtRiskEpisode>): AtRiskEpisode => ({
  enrollmentId: 'E1',
  participantId: 'P1',
  siteName: 'North',
  admissionDate: '2025-05-01',
  daysSinceAdmission: 60,
  reasons: ['no_recent_checkin'],
  reasonCount: 1,
  lastSessionDate: '2025-06-28',
  lastAttendedDate: '2025-06-20',
  rowsLast14Days: 3,
  lastFeedbackDate: '2025-06-20',
  lastFeedbackScore: 31,
  lastCheckinDate: '2025-06-10',
  lastCheckinDaysUsed: 2,
  ...overrides,
});

describe('describeReason', () => {
  test.each([
    [
      'two_most_recent_absent',
      episode({}),
      'Missed the last two sessions (no-show, not excused), the latest on 28 Jun 2025.',
    ],
    [
      'not_attending',
      episode({}),
      'Scheduled for 3 sessions in the last 14 days but attended none in the last 7 (last attended 20 Jun 2025).',
    ],
    [
      'not_attending',
      episode({ rowsLast14Days: 1, lastAttendedDate: null }),
      'Scheduled for 1 session in the last 14 days but attended none in the last 7 (never attended).',
    ],
    [
      'low_feedback_score',
      episode({}),
      'Rated the last session 31 out of 40 on 20 Jun 2025: 36 or lower is worth discussing.',
    ],
    [
      'use_reported',
      episode({ lastCheckinDaysUsed: 1 }),
      'Reported using on 1 day at the last check-in (10 Jun 2025).',
    ],
    ['no_recent_checkin', episode({ lastCheckinDate: null }), 'No sobriety check-in in the last 14 days (none yet).'],
  ] as const)('%s', (reason, e, text) => {
    expect(describeReason(reason, e)).toBe(text);
  });
});

describe('sortAtRisk', () => {
  const list = [
    episode({
      enrollmentId: 'a',
      reasonCount: 3,
      daysSinceAdmission: 10,
      lastAttendedDate: '2025-06-01',
      participantId: 'P2',
    }),
    episode({ enrollmentId: 'b', reasonCount: 1, daysSinceAdmission: 90, lastAttendedDate: null, participantId: 'P3' }),
    episode({
      enrollmentId: 'c',
      reasonCount: 3,
      daysSinceAdmission: 40,
      lastAttendedDate: '2025-06-25',
      participantId: 'P1',
    }),
  ];
  test.each([
    ['reasons', 'descending', ['a', 'c', 'b']],
    ['reasons', 'ascending', ['b', 'a', 'c']],
    ['daysSinceAdmission', 'descending', ['b', 'c', 'a']],
    ['lastAttended', 'ascending', ['b', 'a', 'c']],
    ['participant', 'ascending', ['c', 'a', 'b']],
  ] as const)('by %s, %s', (key, direction, order) => {
    expect(sortAtRisk(list, key, direction).map((e) => e.enrollmentId)).toEqual(order);
  });
});
