import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../api/graphql-client';

export interface TableFreshness {
  kind: string;
  rows: number;
  latestDate: string | null;
}

export interface DataFreshness {
  defaultAsOf: string | null;
  lastSuccessfulLoadAt: string | null;
  tables: TableFreshness[];
}

const DATA_FRESHNESS = `query DataFreshness {
  dataFreshness { defaultAsOf lastSuccessfulLoadAt tables { kind rows latestDate } }
}`;

export function useDataFreshnessQuery() {
  return useQuery({
    queryKey: ['dataFreshness'],
    queryFn: () => graphqlRequest<{ dataFreshness: DataFreshness }>(DATA_FRESHNESS).then((d) => d.dataFreshness),
  });
}
