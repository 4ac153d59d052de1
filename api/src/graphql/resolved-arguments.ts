import { DocumentNode, getArgumentValues, getVariableValues, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { rootFieldsOf } from './query-cost';

/** One root field an operation ran, under its response key (alias). */
export interface ResolvedRootField {
  field: string;
  /** Its arguments as the resolver got them: literals and variables resolved, defaults applied. */
  args: Record<string, unknown>;
}

/**
 * The arguments of every root field of an operation, by response key, however they were written
 * (inline, through variables, or left to their defaults). Variables that do not coerce leave
 * their fields' arguments out ({}): graphql refuses such a request before anything runs.
 */
export function resolvedRootArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Record<string, ResolvedRootField> {
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  const resolved: Record<string, ResolvedRootField> = {};
  for (const [key, node] of rootFieldsOf(document, operation)) {
    const definition = rootType?.getFields()[node.name.value];
    let args: Record<string, unknown> = {};
    if (definition && coerced.coerced) {
      try {
        args = getArgumentValues(definition, node, coerced.coerced);
      } catch {
        // A bad literal: validation refuses it before execution, so nothing ran with it.
      }
    }
    resolved[key] = { field: node.name.value, args };
  }
  return resolved;
}
