import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../api/graphql-client';
import { graphql } from '../gql';

const DATA_FRESHNESS = graphql(`
  query DataFreshness {
    dataFreshness {
      defaultAsOf
      lastSuccessfulLoadAt
      tables {
        kind
        rows
        latestDate
      }
    }
  }
`);

/** The loaded data's freshness; also the source of the default as-of date for every filter. */
export function useDataFreshnessQuery() {
  return useQuery({
    queryKey: ['dataFreshness'],
    queryFn: () => graphqlRequest(DATA_FRESHNESS).then((d) => d.dataFreshness),
  });
}
