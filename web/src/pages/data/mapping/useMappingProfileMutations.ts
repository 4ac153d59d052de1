import { useMutation, useQueryClient } from '@tanstack/react-query';
import { graphqlRequest } from '../../../api/graphql-client';
import { graphql } from '../../../gql';
import { MAPPING_PROFILES_KEY } from './useMappingProfilesQuery';

const SAVE = graphql(`
  mutation SaveMappingProfile($document: String!) {
    saveMappingProfile(document: $document) {
      name
      version
    }
  }
`);

const DELETE = graphql(`
  mutation DeleteMappingProfile($name: String!) {
    deleteMappingProfile(name: $name)
  }
`);

const LOAD_UPLOAD = graphql(`
  mutation LoadUploadWithProfile($uploadId: String!, $name: String!) {
    loadUploadWithProfile(uploadId: $uploadId, name: $name)
  }
`);

/** Saving (a new version), deleting, and loading a waiting upload by a saved profile. */
export function useMappingProfileMutations() {
  const queryClient = useQueryClient();
  const refreshList = () => queryClient.invalidateQueries({ queryKey: MAPPING_PROFILES_KEY });
  return {
    save: useMutation({
      mutationFn: (document: string) => graphqlRequest(SAVE, { document }).then((d) => d.saveMappingProfile),
      onSuccess: refreshList,
    }),
    remove: useMutation({
      mutationFn: (name: string) => graphqlRequest(DELETE, { name }).then((d) => d.deleteMappingProfile),
      onSuccess: refreshList,
    }),
    loadUpload: useMutation({
      mutationFn: (v: { uploadId: string; name: string }) =>
        graphqlRequest(LOAD_UPLOAD, v).then((d) => d.loadUploadWithProfile),
      onSuccess: (_started, v) => queryClient.invalidateQueries({ queryKey: ['upload', v.uploadId] }),
    }),
  };
}
