import type { AttendanceFiguresFragment, AttendanceWeekFiguresFragment } from '../../gql/graphql';
import { noShowRate, toGroupTypeBars, toWeeklyAttendanceFigures } from './attendance-shape';

const proportion = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  rate: denominator ? numerator / denominator : null,
  lower: denominator ? 0.1 : null,
  upper: denominator ? 0.9 : null,
});

const figures = (attended: number, nonExcused: number): AttendanceFiguresFragment => ({
  nonExcused,
  attendanceRate: proportion(attended, nonExcused),
  noShowRate: proportion(nonExcused - attended, nonExcused),
});

const weekFigures = (attended: number, nonExcused: number): AttendanceWeekFiguresFragment => ({
  nonExcused,
  attendanceRate: proportion(attended, nonExcused),
});

describe('toWeeklyAttendanceFigures', () => {
  test.each([
    [
      'a total point and one per type with rows',
      [
        {
          weekStart: '2025-01-06',
          total: { attendanceRate: proportion(3, 4) },
          byGroupType: [{ groupType: 'skills' as const, figures: weekFigures(3, 4) }],
        },
      ],
      [
        ['2025-01-06', 'total', 0.75, 4],
        ['2025-01-06', 'skills', 0.75, 4],
      ],
    ],
    [
      'a type without non-excused rows that week is left out (the line breaks)',
      [
        {
          weekStart: '2025-01-06',
          total: { attendanceRate: proportion(1, 2) },
          byGroupType: [{ groupType: 'family' as const, figures: weekFigures(0, 0) }],
        },
      ],
      [['2025-01-06', 'total', 0.5, 2]],
    ],
  ])('%s', (_name, weeks, expected) => {
    expect(toWeeklyAttendanceFigures(weeks).map((f) => [f.category, f.series, f.value, f.n])).toEqual(expected);
  });
});

describe('toGroupTypeBars', () => {
  test.each([
    ['the total comes first, labelled', [], [['All group types', 0.25, 4]]],
    [
      'a type with no denominator is left out',
      [
        { groupType: 'process' as const, figures: figures(1, 2) },
        { groupType: 'family' as const, figures: figures(0, 0) },
      ],
      [
        ['All group types', 0.25, 4],
        ['Process', 0.5, 2],
      ],
    ],
  ])('%s', (_name, byType, expected) => {
    expect(toGroupTypeBars(figures(3, 4), byType, noShowRate).map((f) => [f.category, f.value, f.n])).toEqual(expected);
  });
});
