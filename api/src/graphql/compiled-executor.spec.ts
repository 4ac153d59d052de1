import { BadRequestException } from '@nestjs/common';
import { buildSchema, ExecutionResult, GraphQLObjectType, parse } from 'graphql';
import { CompiledExecutor } from './compiled-executor';

/** A property reader as Nest makes one for each @Field: the property, else the field's defaultValue. */
function nestPropertyReader(name: string, defaultValue?: unknown, onCall?: () => void) {
  return function rootFieldResolver(root: Record<string, unknown>) {
    onCall?.();
    const value = root[name];
    return value === undefined ? defaultValue : value;
  };
}

function schemaWith(resolvers: {
  week: () => unknown;
  checked?: (parent: { checked: number }) => number;
  onRead?: () => void;
}) {
  const schema = buildSchema(`
    type Query { week(limit: Int): Week }
    type Week { rate: Float, checked: Int, label: String }
  `);
  (schema.getQueryType()!.getFields().week!.resolve as unknown) = resolvers.week;
  const fields = (schema.getType('Week') as GraphQLObjectType).getFields();
  fields.rate!.resolve = nestPropertyReader('rate', undefined, resolvers.onRead);
  fields.checked!.resolve = resolvers.checked ?? nestPropertyReader('checked');
  // A defaultValue: this reader is the only place the value comes from, so it must stay.
  fields.label!.resolve = nestPropertyReader('label', 'no label');
  return schema;
}

async function run(executor: CompiledExecutor, query: string, variables?: Record<string, unknown>) {
  const gateway = executor.gateway();
  const { executor: execute } = await gateway.load({ apollo: {} });
  const document = parse(query);
  // As Apollo resolves it: the one operation, or none when there are several without a name.
  const operation = document.definitions.length === 1 ? document.definitions[0] : undefined;
  return (await execute!({
    document,
    operation,
    operationName: null,
    request: { variables },
    context: {},
  } as never)) as ExecutionResult;
}

describe('CompiledExecutor', () => {
  it("answers from the schema Nest built, reading plain properties without Nest's readers", async () => {
    const executor = new CompiledExecutor();
    let reads = 0;
    const checked = jest.fn((parent: { checked: number }) => parent.checked * 10);
    executor.captureSchema(schemaWith({ week: () => ({ rate: 0.5, checked: 2 }), checked, onRead: () => reads++ }));
    reads = 0; // the check that the reader has no defaultValue called it once
    const result = await run(executor, '{ week { rate checked label } }');
    expect(result).toEqual({ data: { week: { rate: 0.5, checked: 20, label: 'no label' } } });
    expect(reads).toBe(0);
    expect(checked).toHaveBeenCalledTimes(1);
  });

  it("keeps a resolver's refusal as graphql-js gives it: message, path, locations and the original error", async () => {
    const executor = new CompiledExecutor();
    const refusal = new BadRequestException('limit must be a whole number from 1 to 5000 (got 0)');
    executor.captureSchema(
      schemaWith({
        week: () => {
          throw refusal;
        },
      }),
    );
    const result = await run(executor, '{\n  week(limit: 0) { rate }\n}');
    expect(result.data).toEqual({ week: null });
    const [error] = result.errors!;
    expect(error!.message).toBe('limit must be a whole number from 1 to 5000 (got 0)');
    expect(error!.path).toEqual(['week']);
    expect(error!.locations).toEqual([{ line: 2, column: 3 }]);
    expect(error!.originalError).toBe(refusal);
    // Apollo reads extensions unguarded: graphql-jit's own errors may lack them.
    expect(error!.extensions).toEqual({});
  });

  it('refuses bad variables with the errors graphql-js gives, naming the variable (Apollo: BAD_USER_INPUT)', async () => {
    const executor = new CompiledExecutor();
    executor.captureSchema(schemaWith({ week: () => ({ rate: 1, checked: 1 }) }));
    const query = 'query ($limit: Int) { week(limit: $limit) { rate } }';
    const result = await run(executor, query, { limit: 'ten' });
    expect(result.data).toBeUndefined();
    expect(result.errors?.map((e) => e.message)).toEqual([
      'Variable "$limit" got invalid value "ten"; Int cannot represent non-integer value: "ten"',
    ]);
    // Apollo recognises a client's bad variable by the variable definition the error points at.
    expect(result.errors?.[0]?.nodes?.map((n) => n.kind)).toEqual(['VariableDefinition']);
    expect(await run(executor, query, { limit: 3 })).toEqual({ data: { week: { rate: 1 } } });
  });

  it('answers a document whose operation cannot be chosen with the error graphql-js gives', async () => {
    const executor = new CompiledExecutor();
    executor.captureSchema(schemaWith({ week: () => ({ rate: 1, checked: 1 }) }));
    const result = await run(executor, 'query A { week { rate } } query B { week { checked } }');
    expect(result.errors?.map((e) => e.message)).toEqual([
      'Must provide operation name if query contains multiple operations.',
    ]);
  });

  it('tells plainly when it is used before Nest handed it the schema', async () => {
    const gateway = new CompiledExecutor().gateway();
    expect(() => gateway.onSchemaLoadOrUpdate(() => {})).toThrow(/schema was not captured/);
  });
});
