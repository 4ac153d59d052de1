import type { QueryStatus } from '../charts/ChartFrame';

/** An idle query (the as-of date is not known yet) is shown as loading, not as empty. */
export function pendingUntilFiltered(query: QueryStatus, filter: unknown): QueryStatus {
  return { isPending: query.isPending || filter === null, error: query.error, refetch: query.refetch };
}

/** One frame over several queries: loading while any is, failed if any failed, Retry retries those. */
export function combinedStatus(filter: unknown, ...queries: QueryStatus[]): QueryStatus {
  return {
    isPending: filter === null || queries.some((q) => q.isPending),
    error: queries.find((q) => q.error)?.error ?? null,
    refetch: () => Promise.all(queries.filter((q) => q.error).map((q) => q.refetch())),
  };
}
