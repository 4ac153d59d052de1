import type { ComparisonKind } from '@iop/metrics/comparison-period';
import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import type { MetricsFilterVariables } from '../../filters/group-types';
import { graphql } from '../../gql';

const PROGRAM_OVERVIEW = graphql(`
  query ProgramOverview($filter: MetricsFilter) {
    programOverview(filter: $filter) {
      period {
        from
        to
      }
      previousPeriod {
        from
        to
      }
      comparison
      previousHasData
      admissions {
        current
        previous
      }
      discharges {
        current
        previous
      }
      openEpisodes {
        current
        previous
      }
      participantsServed {
        current
        previous
      }
      sessionsHeld {
        current
        previous
      }
      sessionsHeldByGroupType {
        groupType
        current
        previous
      }
    }
  }
`);

/** Program volumes for the period against the chosen previous period; idle until the filter is known. */
export function useProgramOverviewQuery(filter: MetricsFilterVariables | null, comparison: ComparisonKind) {
  return useQuery({
    queryKey: ['programOverview', filter, comparison],
    queryFn: () =>
      graphqlRequest(PROGRAM_OVERVIEW, { filter: filter && { ...filter, comparison } }).then((d) => d.programOverview),
    enabled: filter !== null,
  });
}
