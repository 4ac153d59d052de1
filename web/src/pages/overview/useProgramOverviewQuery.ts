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

/** Program volumes for the period against the period before; idle until the filter is known. */
export function useProgramOverviewQuery(filter: MetricsFilterVariables | null) {
  return useQuery({
    queryKey: ['programOverview', filter],
    queryFn: () => graphqlRequest(PROGRAM_OVERVIEW, { filter }).then((d) => d.programOverview),
    enabled: filter !== null,
  });
}
