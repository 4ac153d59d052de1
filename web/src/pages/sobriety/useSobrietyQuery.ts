import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

const SOBRIETY = graphql(`
  query Sobriety($filter: MetricsFilter) {
    sobriety(filter: $filter) {
      scope {
        from
        to
        asOf
      }
      total {
        ...SobrietyFigures
      }
      byGroupType {
        ...SobrietyFigures
      }
    }
  }

  fragment SobrietyFigures on SobrietyFigures {
    groupType
    episodes
    percentDaysAbstinent {
      mean
      n
    }
    pdaChangeFromBaseline {
      mean
      n
    }
    abstinence {
      days
      eligible
      responders
      abstinent
      responderRate {
        ...EpisodeProportion
      }
      intentToTreatRate {
        ...EpisodeProportion
      }
    }
    cravingTrend {
      week
      meanCraving
      checkIns
      episodes
    }
  }

  fragment EpisodeProportion on EpisodeProportion {
    numerator
    denominator
    rate
    lower
    upper
  }
`);

/** Sobriety outcomes of the episodes admitted in the period; idle until the filter is known. */
export function useSobrietyQuery(filter: MetricsFilterVariables | null) {
  return useQuery({
    queryKey: ['sobriety', filter],
    queryFn: () => graphqlRequest(SOBRIETY, { filter }).then((d) => d.sobriety),
    enabled: filter !== null,
  });
}
