import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../../api/graphql-client';
import type { GroupType, MetricsFilterVariables } from '../../../filters/group-types';
import { graphql } from '../../../gql';

const ADJUSTED_DROPOUT = graphql(`
  query AdjustedDropout($filter: MetricsFilter, $referenceGroupType: GroupType) {
    adjustedComparison(filter: $filter, referenceGroupType: $referenceGroupType, outcome: dropout) {
      scope {
        from
        to
        asOf
      }
      referenceGroupType
      episodes
      leftOut
      notes
      dropout {
        groupTypes {
          ...AdjustedEstimate
        }
        covariates {
          ...AdjustedEstimate
        }
        episodes
        events
        concordance
        likelihoodRatio {
          statistic
          df
          pValue
        }
        wald {
          statistic
          df
          pValue
        }
        score {
          statistic
          df
          pValue
        }
        proportionalHazards {
          term
          statistic
          df
          pValue
          constantLevel
          trend {
            transformedTime
            residual
            events
          }
        }
        proportionalHazardsWarning
        curves {
          groupType
          adjusted {
            days
            survival
          }
          unadjusted {
            days
            survival
          }
        }
        notes
      }
    }
  }

  fragment AdjustedEstimate on ModelEstimate {
    term
    level
    aliased
    notEstimable
    estimate
    se
    ratio
    lower
    upper
    z
    pValue
  }
`);

const ADJUSTED_COMPLETION = graphql(`
  query AdjustedCompletion($filter: MetricsFilter, $referenceGroupType: GroupType) {
    adjustedComparison(filter: $filter, referenceGroupType: $referenceGroupType, outcome: completion) {
      scope {
        from
        to
        asOf
      }
      referenceGroupType
      notes
      completion {
        fitted
        message
        episodes
        completed
        groupTypes {
          ...AdjustedEstimate
        }
        covariates {
          ...AdjustedEstimate
        }
        notes
      }
    }
  }
`);

/** The Cox model of dropout; idle until the filter is known. */
export function useAdjustedDropoutQuery(filter: MetricsFilterVariables | null, referenceGroupType: GroupType | null) {
  return useQuery({
    queryKey: ['adjustedDropout', filter, referenceGroupType],
    queryFn: () => graphqlRequest(ADJUSTED_DROPOUT, { filter, referenceGroupType }).then((d) => d.adjustedComparison),
    enabled: filter !== null,
  });
}

/** The logistic model of completion; idle until the filter is known. */
export function useAdjustedCompletionQuery(
  filter: MetricsFilterVariables | null,
  referenceGroupType: GroupType | null,
) {
  return useQuery({
    queryKey: ['adjustedCompletion', filter, referenceGroupType],
    queryFn: () =>
      graphqlRequest(ADJUSTED_COMPLETION, { filter, referenceGroupType }).then((d) => d.adjustedComparison),
    enabled: filter !== null,
  });
}
