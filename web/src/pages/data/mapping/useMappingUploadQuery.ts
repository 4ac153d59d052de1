import { useQuery } from '@tanstack/react-query';
import { graphqlRequest } from '../../../api/graphql-client';
import { graphql } from '../../../gql';

const MAPPING_UPLOAD = graphql(`
  query MappingUpload($uploadId: String!) {
    mappingUpload(uploadId: $uploadId) {
      fileName
      contractKind
      error
      suggestion
      columns {
        name
        samples
        identifier
      }
    }
  }
`);

/** The files of an upload that waits for a mapping: columns, sample values, a suggested mapping. */
export function useMappingUploadQuery(uploadId: string) {
  return useQuery({
    queryKey: ['mappingUpload', uploadId],
    queryFn: () => graphqlRequest(MAPPING_UPLOAD, { uploadId }).then((d) => d.mappingUpload),
    staleTime: Infinity,
  });
}
