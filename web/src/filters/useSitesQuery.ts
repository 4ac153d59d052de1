export interface SiteOption {
  id: string;
  name: string;
}

/**
 * The sites to choose from.
 * TODO(api): api/schema.gql has no site list yet (a `sites { id name }` query is needed). When it
 * lands, replace this body with a useQuery over a graphql() document. Until then the picker is
 * hidden, and a `sites=` URL parameter still filters.
 */
export function useSitesQuery(): { data: SiteOption[] | undefined; isPending: boolean; available: boolean } {
  return { data: undefined, isPending: false, available: false };
}
