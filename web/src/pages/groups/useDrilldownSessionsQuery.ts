import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

const DRILLDOWN_SESSIONS = graphql(`
  query DrilldownSessions($filter: MetricsFilter, $groupId: String!) {
    drilldownSessions(filter: $filter, groupId: $groupId) {
      groupName
      modality
      siteName
      from
      to
      sessions {
        date
        topic
        durationMinutes
        scheduled
        attended
        excused
        attendanceRate
        feedbackResponses
        meanFeedbackScore
      }
    }
  }
`);

/** The sessions of one group in the period; idle until the filter and the group are known. */
export function useDrilldownSessionsQuery(filter: MetricsFilterVariables | null, groupId: string | null) {
  return useQuery({
    queryKey: ['drilldownSessions', filter, groupId],
    queryFn: () =>
      graphqlRequest(DRILLDOWN_SESSIONS, { filter, groupId: groupId ?? '' }).then((d) => d.drilldownSessions),
    enabled: filter !== null && groupId !== null,
  });
}
