import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

// Also read by the overview (attendance tile and its weekly sparkline) and by the groups page's top
// level (scheduled and attended rows per type). Week cells carry only what the weekly chart draws.
const ATTENDANCE = graphql(`
  query Attendance($filter: MetricsFilter) {
    attendance(filter: $filter) {
      scope {
        from
        to
        asOf
      }
      total {
        ...AttendanceFigures
      }
      byGroupType {
        groupType
        figures {
          ...AttendanceFigures
          scheduled
          attended
        }
      }
      byWeek {
        weekStart
        partial
        total {
          attendanceRate {
            ...SessionProportion
          }
        }
        byGroupType {
          groupType
          figures {
            ...AttendanceWeekFigures
          }
        }
      }
    }
  }

  fragment AttendanceFigures on AttendanceFigures {
    nonExcused
    attendanceRate {
      ...SessionProportion
    }
    noShowRate {
      ...SessionProportion
    }
  }

  fragment AttendanceWeekFigures on AttendanceFigures {
    nonExcused
    attendanceRate {
      ...SessionProportion
    }
  }

  fragment SessionProportion on SessionProportion {
    numerator
    denominator
    rate
    lower
    upper
  }
`);

/** Attendance and no-show rates, by group type and ISO week; idle until the filter is known. */
export function useAttendanceQuery(filter: MetricsFilterVariables | null) {
  return useQuery({
    queryKey: ['attendance', filter],
    queryFn: () => graphqlRequest(ATTENDANCE, { filter }).then((d) => d.attendance),
    enabled: filter !== null,
  });
}
