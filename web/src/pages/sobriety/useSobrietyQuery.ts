import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

// Also read by the overview (abstinent-at-30-days tile). The milestones are drawn for all group
// types only; the PDA bars and craving lines for each type.
const SOBRIETY = graphql(`
  query Sobriety($filter: MetricsFilter) {
    sobriety(filter: $filter) {
      scope {
        from
        to
        asOf
      }
      total {
        ...SobrietyTotalFigures
      }
      byGroupType {
        ...SobrietyFigures
      }
    }
  }

  fragment SobrietyTotalFigures on SobrietyFigures {
    ...SobrietyFigures
    abstinence {
      days
      eligible
      responderRate {
        ...EpisodeProportion
      }
      intentToTreatRate {
        ...EpisodeProportion
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
    cravingTrend {
      week
      meanCraving
      checkIns
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
