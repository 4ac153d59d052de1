import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

const COHORT_TRENDS = graphql(`
  query CohortTrends($filter: MetricsFilter) {
    cohortTrends(filter: $filter) {
      scope {
        from
        to
        asOf
      }
      months {
        month
        episodes
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
        abstinence {
          days
          eligible
          intentToTreatRate {
            numerator
            denominator
            rate
            lower
            upper
          }
        }
        alliance {
          n
          mean
          lower
          upper
        }
      }
    }
  }
`);

/** Outcome figures by admission month; idle until the filter is known. */
export function useCohortTrendsQuery(filter: MetricsFilterVariables | null) {
  return useQuery({
    queryKey: ['cohortTrends', filter],
    queryFn: () => graphqlRequest(COHORT_TRENDS, { filter }).then((d) => d.cohortTrends),
    enabled: filter !== null,
  });
}
