import type { DrilldownGroupFiguresFragment } from '../../gql/graphql';
import { groupCategory, toGroupFigures, toSessionFigures } from './groups-shape';

const group = (overrides: Partial<DrilldownGroupFiguresFragment>): DrilldownGroupFiguresFragment => ({
  groupId: 'G1',
  groupName: 'Tuesday skills',
  siteName: 'North',
  modality: 'dbt',
  sessions: 4,
  participants: 6,
  scheduled: 24,
  attended: 15,
  excused: 4,
  attendanceRate: 0.75,
  feedbackResponses: 10,
  meanFeedbackScore: 36.5,
  ...overrides,
});

describe('groupCategory', () => {
  test.each([
    ['name and site', group({}), 'Tuesday skills (North)'],
    ['no site', group({ siteName: null }), 'Tuesday skills'],
    ['no name: the id', group({ groupName: null }), 'G1 (North)'],
  ])('%s', (_name, g, text) => {
    expect(groupCategory(g)).toBe(text);
  });
});

describe('toGroupFigures', () => {
  it('draws the served rate with attended of non-excused rows as its n', () => {
    expect(toGroupFigures([group({})], 'skills')).toEqual([
      {
        category: 'Tuesday skills (North)',
        series: 'skills',
        seriesLabel: 'Skills',
        value: 0.75,
        lower: null,
        upper: null,
        numerator: 15,
        n: 20,
      },
    ]);
  });
});

describe('toSessionFigures', () => {
  test.each([
    [{ attendanceRate: 0.5, attended: 3, scheduled: 6, excused: 0 }, [0.5, 3, 6]],
    [{ attendanceRate: null, attended: 0, scheduled: 2, excused: 2 }, [null, 0, 0]],
  ])('a session %j', (figures, [value, numerator, n]) => {
    const session = {
      date: '2025-01-07',
      topic: null,
      durationMinutes: 90,
      feedbackResponses: 0,
      meanFeedbackScore: null,
      ...figures,
    };
    expect(toSessionFigures([session], 'process')[0]).toMatchObject({ category: '2025-01-07', value, numerator, n });
  });
});
