/** Costs of root fields that are not cached figure queries but run figure SQL (a release draft). */
export const COSTLY_FIELDS = new Map<string, number>();

/**
 * Declares what a non-figure root field costs in the per-request budget (graphql/query-cost.ts),
 * in roughly SQL statements, and makes it wait its turn among the user's figure requests
 * (graphql/user-concurrency.ts). Figure queries declare theirs with @CachedFigures({ cost }).
 */
export const FieldCost =
  (cost: number): MethodDecorator =>
  (_target, method): void => {
    COSTLY_FIELDS.set(String(method), cost);
  };
