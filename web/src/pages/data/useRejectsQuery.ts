import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import { graphql } from '../../gql';

const REJECTS = graphql(`
  query Rejects($loadId: Int!, $limit: Int!) {
    rejectReasons(loadId: $loadId) {
      fileName
      columnName
      reason
      rows
    }
    rejectedRows(loadId: $loadId, limit: $limit) {
      fileName
      line
      columnName
      value
      reason
      detail
    }
  }
`);

export const REJECTED_ROWS_LIMIT = 100;

/** A load's rejected rows: counts by file, column and reason, and the first rows themselves. */
export function useRejectsQuery(loadId: number | null) {
  return useQuery({
    queryKey: ['rejects', loadId, REJECTED_ROWS_LIMIT],
    queryFn: () => graphqlRequest(REJECTS, { loadId: loadId ?? 0, limit: REJECTED_ROWS_LIMIT }),
    enabled: loadId !== null,
  });
}
