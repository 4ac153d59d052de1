import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

// Also read by the overview (retained-at-90 and completion tiles, the curve's sparkline). The
// dropout, median-to-dropout and discharge-reason figures are drawn for all group types only; the
// log-rank test's observed and expected dropouts per group type are its own table.
const RETENTION = graphql(`
  query Retention($filter: MetricsFilter) {
    retention(filter: $filter) {
      scope {
        from
        to
        asOf
      }
      total {
        ...RetentionTotalFigures
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

  fragment RetentionTotalFigures on RetentionFigures {
    ...RetentionFigures
    dropouts
    medianDaysToDropout
    dischargeReasons {
      reason
      episodes
    }
  }

  fragment RetentionFigures on RetentionFigures {
    groupType
    episodes
    discharged
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
