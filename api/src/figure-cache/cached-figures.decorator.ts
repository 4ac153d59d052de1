import { Kind, OperationDefinitionNode } from 'graphql';

/** The Query fields marked @CachedFigures(), by GraphQL field name (= method name). */
export const CACHED_QUERY_FIELDS = new Set<string>();

/**
 * Marks a query whose answer depends only on the loaded data, its arguments and the user's role
 * and site limits, so that the figure cache may serve it. Never for answers that change without a
 * load (the audit log, load history, the signed-in user). The GraphQL field must keep the
 * method's name.
 */
export const CachedFigures =
  (): MethodDecorator =>
  (_target, method): void => {
    CACHED_QUERY_FIELDS.add(String(method));
  };

/** A query whose every root field is marked @CachedFigures(): a read of the figures only. */
export function isFigureQuery(operation: OperationDefinitionNode | undefined): boolean {
  return (
    operation?.operation === 'query' &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && CACHED_QUERY_FIELDS.has(s.name.value))
  );
}
