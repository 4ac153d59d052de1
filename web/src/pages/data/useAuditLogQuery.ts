import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import { graphql } from '../../gql';

const AUDIT_LOG = graphql(`
  query AuditLog($limit: Int!) {
    auditLog(limit: $limit) {
      at
      username
      role
      operation
      filters
      outcome
    }
  }
`);

export const AUDIT_LOG_LIMIT = 100;

/** The latest queries of every user (directors only: the server refuses anyone else). */
export function useAuditLogQuery(enabled: boolean) {
  return useQuery({
    queryKey: ['auditLog', AUDIT_LOG_LIMIT],
    queryFn: () => graphqlRequest(AUDIT_LOG, { limit: AUDIT_LOG_LIMIT }).then((d) => d.auditLog),
    enabled,
  });
}
