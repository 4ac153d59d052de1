import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../../api/graphql-client';
import { graphql } from '../../../gql';

const MAPPING_TARGETS = graphql(`
  query MappingTargets {
    mappingTargets {
      target
      columns {
        name
        required
        date
        codes
      }
    }
  }
`);

/** What a file can be mapped to (the contract's files and a group-attendance report), with their columns. */
export function useMappingTargetsQuery() {
  return useQuery({
    queryKey: ['mappingTargets'],
    queryFn: () => graphqlRequest(MAPPING_TARGETS).then((d) => d.mappingTargets),
    staleTime: Infinity,
  });
}
