import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { GroupType, MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

const DRILLDOWN_GROUPS = graphql(`
  query DrilldownGroups($filter: MetricsFilter, $groupType: GroupType!) {
    drilldownGroups(filter: $filter, groupType: $groupType) {
      from
      to
      total {
        ...DrilldownGroupFigures
      }
      groups {
        ...DrilldownGroupFigures
      }
    }
  }

  fragment DrilldownGroupFigures on DrilldownGroup {
    groupId
    groupName
    siteName
    modality
    sessions
    participants
    scheduled
    attended
    excused
    attendanceRate
    feedbackResponses
    meanFeedbackScore
  }
`);

/** The groups of one group type with their figures; idle until the filter and the type are known. */
export function useDrilldownGroupsQuery(filter: MetricsFilterVariables | null, groupType: GroupType | null) {
  return useQuery({
    queryKey: ['drilldownGroups', filter, groupType],
    queryFn: () =>
      graphqlRequest(DRILLDOWN_GROUPS, { filter, groupType: groupType as GroupType }).then((d) => d.drilldownGroups),
    enabled: filter !== null && groupType !== null,
  });
}
