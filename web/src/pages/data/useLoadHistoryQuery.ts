import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import { graphql } from '../../gql';

const LOAD_HISTORY = graphql(`
  query LoadHistory($limit: Int!) {
    loadHistory(limit: $limit) {
      loadId
      startedAt
      status
      source
      rowsRead
      rowsInserted
      rowsUpdated
      rowsUnchanged
      rowsRejected
      files {
        status
      }
    }
  }
`);

export const LOAD_HISTORY_LIMIT = 20;

/** The latest loads, newest first, with their files. */
export function useLoadHistoryQuery() {
  return useQuery({
    queryKey: ['loadHistory', LOAD_HISTORY_LIMIT],
    queryFn: () => graphqlRequest(LOAD_HISTORY, { limit: LOAD_HISTORY_LIMIT }).then((d) => d.loadHistory),
  });
}
