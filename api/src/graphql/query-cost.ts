import {
  ASTVisitor,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
} from 'graphql';
import { CACHED_QUERY_FIELDS } from '../figure-cache/cached-figures.decorator';
import { COSTLY_FIELDS } from './field-cost.decorator';

/**
 * The most a request may cost, in roughly SQL statements (see @CachedFigures({ cost })). The
 * dashboard asks one figure per request, the largest the outcome report (12); 40 leaves room for a
 * client asking a page's figures together (e.g. three outcome reports, or a dozen retention
 * periods), while an alias flood of the same field with other dates is refused before any SQL:
 * root fields run in parallel, so one request's statements all queue for the pool at once.
 */
export const MAX_REQUEST_COST = 40;

/** A root field that is not a figure query (`me`, `auditLog`, a mutation): a statement at most. */
const OTHER_FIELD_COST = 1;

/** The cost of one selection of a root field; `__typename` runs nothing. */
export function rootFieldCost(fieldName: string): number {
  if (fieldName === '__typename') return 0;
  return CACHED_QUERY_FIELDS.get(fieldName) ?? COSTLY_FIELDS.get(fieldName) ?? OTHER_FIELD_COST;
}

/**
 * Refuses an operation whose root fields cost more than MAX_REQUEST_COST in all, before anything
 * runs. Every response key counts: a field selected under N aliases costs N times; fragments are
 * expanded. Selections under one key merge into one execution (GraphQL requires them to be the
 * same field with the same arguments), so a fragment spread twice costs once.
 */
export function queryCostRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      const tally = { cost: 0, figures: 0 };
      for (const { name } of rootFieldsOf(context.getDocument(), operation).values()) {
        const fieldName = name.value;
        tally.cost += rootFieldCost(fieldName);
        if (CACHED_QUERY_FIELDS.has(fieldName) || COSTLY_FIELDS.has(fieldName)) tally.figures++;
      }
      if (tally.cost <= MAX_REQUEST_COST) return;
      const figures = `${tally.figures} figure ${tally.figures === 1 ? 'query' : 'queries'}`;
      context.reportError(
        new GraphQLError(
          `This request would run ${figures} (cost ${tally.cost}); the limit per request is ${MAX_REQUEST_COST}. ` +
            'Ask for fewer fields or split the request.',
          { extensions: { cost: tally.cost, maxCost: MAX_REQUEST_COST } },
        ),
      );
    },
  };
}

/**
 * The root fields an operation executes, fragments expanded, by response key. Selections under one
 * key merge into one execution (GraphQL requires them to be the same field with the same
 * arguments): the first stands for them.
 */
export function rootFieldsOf(document: DocumentNode, operation: OperationDefinitionNode): Map<string, FieldNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const rootFields = new Map<string, FieldNode>();
  collectRootFields(operation.selectionSet, rootFields, fragments, new Set());
  return rootFields;
}

function collectRootFields(
  selectionSet: SelectionSetNode,
  rootFields: Map<string, FieldNode>,
  fragments: Map<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      if (!rootFields.has(key)) rootFields.set(key, selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectRootFields(selection.selectionSet, rootFields, fragments, visiting);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || visiting.has(fragment.name.value)) continue; // undefined or cyclic: graphql reports it
      visiting.add(fragment.name.value);
      collectRootFields(fragment.selectionSet, rootFields, fragments, visiting);
      visiting.delete(fragment.name.value);
    }
  }
}
