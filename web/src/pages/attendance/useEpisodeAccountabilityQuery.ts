import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

const EPISODE_ACCOUNTABILITY = graphql(`
  query EpisodeAccountability($filter: MetricsFilter) {
    episodeAccountability(filter: $filter) {
      total {
        ...EpisodeAccountabilityFigures
      }
      byGroupType {
        ...EpisodeAccountabilityFigures
      }
    }
  }

  fragment EpisodeAccountabilityFigures on EpisodeAccountabilityFigures {
    groupType
    checkInAdherence {
      numerator
      denominator
      rate
    }
    goalAttainment {
      numerator
      denominator
      rate
    }
  }
`);

/** Check-in adherence and goal attainment of the episodes admitted; idle until the filter is known. */
export function useEpisodeAccountabilityQuery(filter: MetricsFilterVariables | null) {
  return useQuery({
    queryKey: ['episodeAccountability', filter],
    queryFn: () => graphqlRequest(EPISODE_ACCOUNTABILITY, { filter }).then((d) => d.episodeAccountability),
    enabled: filter !== null,
  });
}
