import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';
import type { FunnelMeasure } from '../../gql/graphql';

const GROUP_FUNNEL = graphql(`
  query GroupFunnel($filter: MetricsFilter, $measure: FunnelMeasure!) {
    groupFunnel(filter: $filter, measure: $measure) {
      measure
      target
      groups {
        groupId
        groupName
        groupType
        siteId
        k
        n
        proportion
        lower998
        lower95
        upper95
        upper998
        position
      }
      limits {
        n
        lower998
        lower95
        upper95
        upper998
      }
    }
  }
`);

/** The funnel plot of groups for one measure; idle until the filter is known. */
export function useGroupFunnelQuery(filter: MetricsFilterVariables | null, measure: FunnelMeasure) {
  return useQuery({
    queryKey: ['groupFunnel', filter, measure],
    queryFn: () => graphqlRequest(GROUP_FUNNEL, { filter, measure }).then((d) => d.groupFunnel),
    enabled: filter !== null,
  });
}
