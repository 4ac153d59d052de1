import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../api/graphql-client';
import { graphql } from '../gql';

export interface SiteOption {
  id: string;
  name: string;
}

const SITES = graphql(`
  query Sites {
    sites {
      siteId
      siteName
    }
  }
`);

/** The sites the reader may choose from (a site-limited user gets only theirs). */
export function useSitesQuery(): { data: SiteOption[] | undefined; isPending: boolean; available: boolean } {
  const query = useQuery({
    queryKey: ['sites'],
    queryFn: () => graphqlRequest(SITES).then((d) => d.sites.map((s) => ({ id: s.siteId, name: s.siteName }))),
    staleTime: 10 * 60_000,
  });
  // With one site there is nothing to choose; a failed list leaves the `sites=` URL parameter working.
  return { data: query.data, isPending: query.isPending, available: (query.data?.length ?? 0) > 1 };
}
