import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

const RETENTION = graphql(`
  query Retention($filter: MetricsFilter) {
    retention(filter: $filter) {
      scope {
        from
        to
        asOf
      }
      total {
        ...RetentionFigures
      }
      byGroupType {
        ...RetentionFigures
      }
      comparison {
        chiSquare
        df
        pValue
        groups {
          groupType
          episodes
          observed
          expected
        }
      }
    }
  }

  fragment RetentionFigures on RetentionFigures {
    groupType
    episodes
    dropouts
    discharged
    medianDaysToDropout
    medianLengthOfStay
    curve {
      days
      atRisk
      events
      censored
      survival
      lower
      upper
    }
    retainedAt {
      days
      atRisk
      survival
      lower
      upper
    }
    dischargeReasons {
      reason
      episodes
    }
    completion {
      numerator
      denominator
      rate
      lower
      upper
    }
  }
`);

/** Kaplan–Meier retention for the filter; idle until the filter is known. */
export function useRetentionQuery(filter: MetricsFilterVariables | null) {
  return useQuery({
    queryKey: ['retention', filter],
    queryFn: () => graphqlRequest(RETENTION, { filter }).then((d) => d.retention),
    enabled: filter !== null,
  });
}
