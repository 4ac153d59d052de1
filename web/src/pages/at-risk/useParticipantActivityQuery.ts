import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

const PARTICIPANT_ACTIVITY = graphql(`
  query ParticipantActivity($participantId: String!, $filter: MetricsFilter, $rows: Int!) {
    participantActivity(participantId: $participantId, filter: $filter, rows: $rows) {
      participantId
      asOf
      episodes {
        enrollmentId
        siteName
        admissionDate
        dischargeDate
        dischargeReason
      }
      sessions {
        sessionId
        sessionDate
        groupName
        groupType
        siteName
        status
        minutesAttended
      }
      checkins {
        reportDate
        daysUsed
        windowDays
        craving
        goalMet
      }
    }
  }
`);

/** How many recent sessions and check-ins the participant view lists. */
export const RECENT_ROWS = 10;

/** One participant's recent record, as of the list's date and at its sites. */
export function useParticipantActivityQuery(participantId: string | null, filter: MetricsFilterVariables | null) {
  const scope = filter && { asOf: filter.asOf, siteIds: filter.siteIds };
  return useQuery({
    queryKey: ['participantActivity', participantId, scope, RECENT_ROWS],
    queryFn: () =>
      graphqlRequest(PARTICIPANT_ACTIVITY, { participantId: participantId!, filter: scope, rows: RECENT_ROWS }).then(
        (d) => d.participantActivity,
      ),
    enabled: scope !== null && participantId !== null,
  });
}
