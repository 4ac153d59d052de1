import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../../api/graphql-client';
import { graphql } from '../../../gql';

const MAPPING_PROFILES = graphql(`
  query MappingProfiles {
    mappingProfiles {
      name
      version
      savedBy
      savedAt
      document
    }
  }
`);

export const MAPPING_PROFILES_KEY = ['mappingProfiles'] as const;

/** The saved mapping profiles (latest versions), by name. */
export function useMappingProfilesQuery() {
  return useQuery({
    queryKey: MAPPING_PROFILES_KEY,
    queryFn: () => graphqlRequest(MAPPING_PROFILES).then((d) => d.mappingProfiles),
  });
}
