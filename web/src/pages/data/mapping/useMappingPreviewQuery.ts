import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../../api/graphql-client';
import { graphql } from '../../../gql';

const MAPPING_PREVIEW = graphql(`
  query MappingPreview($uploadId: String!, $document: String!) {
    mappingPreview(uploadId: $uploadId, document: $document) {
      warnings
      tables {
        file
        kind
        columns
        rows
        rowCount
        rejectedRows
      }
      rejects {
        file
        line
        column
        value
        reason
        detail
      }
    }
  }
`);

/** The contract rows and rejects the profile (JSON) would give for the upload; null = not asked yet. */
export function useMappingPreviewQuery(uploadId: string, document: string | null) {
  return useQuery({
    queryKey: ['mappingPreview', uploadId, document],
    queryFn: () =>
      graphqlRequest(MAPPING_PREVIEW, { uploadId, document: document ?? '' }).then((d) => d.mappingPreview),
    enabled: document !== null,
    staleTime: Infinity,
  });
}
