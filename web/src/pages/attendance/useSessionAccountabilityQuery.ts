import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

const SESSION_ACCOUNTABILITY = graphql(`
  query SessionAccountability($filter: MetricsFilter) {
    sessionAccountability(filter: $filter) {
      scope {
        from
        to
        asOf
      }
      total {
        ...SessionAccountabilityFigures
      }
      byGroupType {
        groupType
        figures {
          ...SessionAccountabilityFigures
        }
      }
    }
  }

  fragment SessionAccountabilityFigures on SessionAccountabilityFigures {
    consistency {
      ...SessionProportion
    }
    feedbackParticipation {
      ...SessionProportion
    }
    reEngagement {
      ...SessionProportion
    }
  }
`);

/** Consistency, feedback participation and re-engagement; idle until the filter is known. */
export function useSessionAccountabilityQuery(filter: MetricsFilterVariables | null) {
  return useQuery({
    queryKey: ['sessionAccountability', filter],
    queryFn: () => graphqlRequest(SESSION_ACCOUNTABILITY, { filter }).then((d) => d.sessionAccountability),
    enabled: filter !== null,
  });
}
