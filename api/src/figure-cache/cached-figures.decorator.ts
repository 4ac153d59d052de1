import { Kind, OperationDefinitionNode } from 'graphql';

/**
 * What a figure query costs when its decorator names no cost: a statement resolving the scope and
 * one or two over the derived tables, roughly the SQL statements one such field runs.
 */
export const DEFAULT_FIGURE_COST = 3;

/** The Query fields marked @CachedFigures(), by GraphQL field name (= method name), with their cost. */
export const CACHED_QUERY_FIELDS = new Map<string, number>();

export interface CachedFiguresOptions {
  /**
   * Roughly the SQL statements one selection of the field runs (DEFAULT_FIGURE_COST when unset).
   * The per-request budget of api/src/graphql/query-cost.ts adds these up over every root field.
   */
  cost?: number;
}

/**
 * Marks a query whose answer depends only on the loaded data, its arguments and the user's role
 * and site limits, so that the figure cache may serve it. Never for answers that change without a
 * load (the audit log, load history, the signed-in user). The GraphQL field must keep the
 * method's name.
 */
export const CachedFigures =
  ({ cost = DEFAULT_FIGURE_COST }: CachedFiguresOptions = {}): MethodDecorator =>
  (_target, method): void => {
    CACHED_QUERY_FIELDS.set(String(method), cost);
  };

/** A query whose every root field is marked @CachedFigures(): a read of the figures only. */
export function isFigureQuery(operation: OperationDefinitionNode | undefined): boolean {
  return (
    operation?.operation === 'query' &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && CACHED_QUERY_FIELDS.has(s.name.value))
  );
}
