import {
  ASTVisitor,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  SelectionSetNode,
  ValidationContext,
} from 'graphql';

export const MAX_DEPTH = 8;
export const MAX_FIELDS = 400;

/**
 * Refuses operations nested deeper than MAX_DEPTH or selecting more than MAX_FIELDS fields in all
 * (fragments expanded, introspection included), before anything runs: the dashboard's queries stay
 * far below both, and an abusive query never reaches the database.
 */
export function queryLimitsRule(context: ValidationContext): ASTVisitor {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return {
    OperationDefinition(operation) {
      const tally = { fields: 0, depth: 0 };
      measure(operation.selectionSet, 1, tally, fragments, new Set());
      const name = operation.name?.value ?? 'the operation';
      if (tally.depth > MAX_DEPTH) {
        context.reportError(
          new GraphQLError(`${name} is nested ${tally.depth} levels deep; the limit is ${MAX_DEPTH}.`),
        );
      } else if (tally.fields > MAX_FIELDS) {
        context.reportError(new GraphQLError(`${name} selects ${tally.fields} fields; the limit is ${MAX_FIELDS}.`));
      }
    },
  };
}

function measure(
  selectionSet: SelectionSetNode,
  depth: number,
  tally: { fields: number; depth: number },
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): void {
  // Stop counting once over a limit: the answer is already "refuse", and cycles end here too.
  if (tally.depth > MAX_DEPTH || tally.fields > MAX_FIELDS) return;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      tally.fields++;
      tally.depth = Math.max(tally.depth, depth);
      const field: FieldNode = selection;
      if (field.selectionSet) measure(field.selectionSet, depth + 1, tally, fragments, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      measure(selection.selectionSet, depth, tally, fragments, visiting);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || visiting.has(fragment.name.value)) continue; // undefined or cyclic: graphql reports it
      visiting.add(fragment.name.value);
      measure(fragment.selectionSet, depth, tally, fragments, visiting);
      visiting.delete(fragment.name.value);
    }
  }
}
