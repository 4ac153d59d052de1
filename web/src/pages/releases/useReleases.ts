import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { graphqlRequest } from '../../api/graphql-client';
import { graphql } from '../../gql';

const RELEASE_SUMMARY = graphql(`
  query Releases {
    releases {
      releaseId
      status
      version
      siteIds
      publishedAt
      createdAt
      period {
        kind
        from
        to
        name
      }
    }
  }
`);

const RELEASE = graphql(`
  query Release($releaseId: Int!) {
    release(releaseId: $releaseId) {
      releaseId
      status
      version
      siteIds
      asOf
      dataLoadedAt
      dataVersion
      methodVersion
      threshold
      roundingBase
      protectionRule
      changeNote
      publishedAt
      previousReleaseId
      period {
        kind
        from
        to
        name
      }
      previousPeriod {
        name
      }
      figures {
        section
        measure
        label
        unit
        groupType
        period
        value
        lower
        upper
        n
        suppressed
        hiddenBecause
      }
      survivalCurves {
        groupType
        points {
          days
          survival
        }
      }
      logRank {
        chiSquare
        df
        pValue
      }
      exactFigures {
        measure
        groupType
        value
        n
        numerator
        hiddenBecause
      }
    }
  }
`);

const OPEN_DRAFT = graphql(`
  mutation OpenReleaseDraft($input: OpenReleaseDraftInput!) {
    openReleaseDraft(input: $input) {
      releaseId
    }
  }
`);

const PUBLISH = graphql(`
  mutation PublishRelease($releaseId: Int!, $note: String) {
    publishRelease(releaseId: $releaseId, note: $note) {
      releaseId
      version
    }
  }
`);

const DISCARD = graphql(`
  mutation DiscardReleaseDraft($releaseId: Int!) {
    discardReleaseDraft(releaseId: $releaseId)
  }
`);

/** The releases the signed-in user may see (a funder: the published ones of their sites). */
export function useReleasesQuery() {
  return useQuery({ queryKey: ['releases'], queryFn: () => graphqlRequest(RELEASE_SUMMARY).then((d) => d.releases) });
}

export function useReleaseQuery(releaseId: number | null) {
  return useQuery({
    queryKey: ['release', releaseId],
    queryFn: () => graphqlRequest(RELEASE, { releaseId: releaseId! }).then((d) => d.release),
    enabled: releaseId !== null,
  });
}

/** Opening, publishing and discarding drafts; each refreshes the list. */
export function useReleaseActions() {
  const client = useQueryClient();
  const refresh = () =>
    client
      .invalidateQueries({ queryKey: ['releases'] })
      .then(() => client.invalidateQueries({ queryKey: ['release'] }));
  return {
    open: useMutation({
      mutationFn: (input: { periodKind: string; from: string; siteIds: string[] | null }) =>
        graphqlRequest(OPEN_DRAFT, { input }).then((d) => d.openReleaseDraft),
      onSuccess: refresh,
    }),
    publish: useMutation({
      mutationFn: (v: { releaseId: number; note: string | null }) =>
        graphqlRequest(PUBLISH, v).then((d) => d.publishRelease),
      onSuccess: refresh,
    }),
    discard: useMutation({
      mutationFn: (releaseId: number) => graphqlRequest(DISCARD, { releaseId }),
      onSuccess: refresh,
    }),
  };
}
