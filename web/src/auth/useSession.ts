import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { onUnauthenticated } from '../api/api-error';
import { fetchSession, signOut } from './auth-client';
import { sessionRole, type Session, type SignedInUser } from './roles';

const SESSION_KEY = ['session'] as const;

/** The reader's session, with sign-in and sign-out that keep every cached figure consistent with it. */
export function useSession() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 1 });

  // Any API call that finds the session gone (expired, signed out elsewhere) shows the sign-in page;
  // the URL is left alone, so signing in again lands on the same view.
  useEffect(
    () =>
      onUnauthenticated(() => {
        const current = queryClient.getQueryData<Session>(SESSION_KEY);
        if (current?.status !== 'signed-out') queryClient.setQueryData<Session>(SESSION_KEY, { status: 'signed-out' });
      }),
    [queryClient],
  );

  const signedIn = useCallback(
    (user: SignedInUser) => {
      // Figures fetched (or refused) for nobody must not be shown to the new user.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      const next: Session = { status: 'signed-in', user };
      queryClient.setQueryData<Session>(SESSION_KEY, next);
    },
    [queryClient],
  );

  const signOutAndForget = useCallback(async () => {
    await signOut();
    // The session entry is updated, not removed: removing it would detach this hook's observer.
    queryClient.setQueryData<Session>(SESSION_KEY, { status: 'signed-out' });
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  }, [queryClient]);

  return { session: query.data, isPending: query.isPending, error: query.error, signedIn, signOut: signOutAndForget };
}

/** The reader's role for showing or hiding a control; null on a server without sign-in (all shown). */
export function useRole() {
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity });
  return query.data ? sessionRole(query.data) : null;
}
