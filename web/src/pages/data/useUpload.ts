import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { fetchUploadState, isUploadFinished, isWaitingForMapping, startUpload } from './upload-client';

const POLL_EVERY_MS = 1000;

/** Sends files, follows the load every second until it ends, then refreshes every figure. */
export function useUpload() {
  const queryClient = useQueryClient();
  const send = useMutation({ mutationFn: startUpload });
  const uploadId = send.data ?? null;
  const state = useQuery({
    queryKey: ['upload', uploadId],
    queryFn: () => fetchUploadState(uploadId ?? ''),
    enabled: uploadId !== null,
    staleTime: 0,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status && (isUploadFinished(status) || isWaitingForMapping(status)) ? false : POLL_EVERY_MS;
    },
  });

  // Once per finished load: every cached figure may have changed.
  const refreshedFor = useRef<string | null>(null);
  const finished = state.data && isUploadFinished(state.data.status) && state.data.status !== 'failed';
  useEffect(() => {
    if (!finished || !uploadId || refreshedFor.current === uploadId) return;
    refreshedFor.current = uploadId;
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'upload' });
  }, [finished, uploadId, queryClient]);

  return {
    upload: (files: File[]) => send.mutate(files),
    sending: send.isPending,
    sendError: send.error,
    uploadId,
    state: state.data ?? null,
    pollError: state.error,
    reset: () => send.reset(),
  };
}
