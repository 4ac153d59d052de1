import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

const INTENSITY = graphql(`
  query AttendanceIntensity($filter: MetricsFilter) {
    attendanceIntensity(filter: $filter) {
      scope {
        from
        to
        asOf
      }
      total {
        participantWeeks
        ...IntensityFigures
      }
      byGroupType {
        groupType
        figures {
          ...IntensityFigures
        }
      }
    }
  }

  fragment IntensityFigures on IntensityFigures {
    intensityMet {
      ...SessionProportion
    }
  }
`);

/** ASAM 2.1 intensity met (9 hours a week), by group type; idle until the filter is known. */
export function useIntensityQuery(filter: MetricsFilterVariables | null) {
  return useQuery({
    queryKey: ['attendanceIntensity', filter],
    queryFn: () => graphqlRequest(INTENSITY, { filter }).then((d) => d.attendanceIntensity),
    enabled: filter !== null,
  });
}
