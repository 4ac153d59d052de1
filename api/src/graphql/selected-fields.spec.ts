import { FragmentDefinitionNode, GraphQLResolveInfo, Kind, OperationDefinitionNode, parse } from 'graphql';
import { selectsField } from './selected-fields';

/** The resolve info of the root field of a document, as graphql-js would pass it. */
function infoOf(document: string): GraphQLResolveInfo {
  const definitions = parse(document).definitions;
  const operation = definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const root = operation.selectionSet.selections[0]!;
  return { fieldNodes: [root], fragments } as unknown as GraphQLResolveInfo;
}

describe('selectsField', () => {
  it('finds a field asked for directly, in an inline fragment or in a named one', () => {
    expect(selectsField(infoOf('{ attendance { total { scheduled } byGroup { groupId } } }'), 'byGroup')).toBe(true);
    expect(selectsField(infoOf('{ attendance { ... on AttendanceReport { byGroup { groupId } } } }'), 'byGroup')).toBe(
      true,
    );
    expect(
      selectsField(
        infoOf(
          'query { attendance { ...A } } fragment A on AttendanceReport { ...B } fragment B on AttendanceReport { byGroup { groupId } }',
        ),
        'byGroup',
      ),
    ).toBe(true);
  });

  it('does not find a field asked for only deeper down, or not at all', () => {
    expect(selectsField(infoOf('{ attendance { total { scheduled } } }'), 'byGroup')).toBe(false);
    expect(selectsField(infoOf('{ attendance { bySite { byGroup: siteId } } }'), 'byGroup')).toBe(false);
  });
});
