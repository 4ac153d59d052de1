import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

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
        }
      }
      byWeek {
        weekStart
        isoWeek
        total {
          ...AttendanceFigures
        }
        byGroupType {
          groupType
          figures {
            ...AttendanceFigures
          }
        }
      }
    }
  }

  fragment AttendanceFigures on AttendanceFigures {
    scheduled
    attended
    absent
    excused
    nonExcused
    attendanceRate {
      ...SessionProportion
    }
    noShowRate {
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
