import { BadRequestException } from '@nestjs/common';
import { buildSchema, ExecutionResult, GraphQLObjectType, GraphQLSchema, parse } from 'graphql';
import { CompiledExecutor } from './compiled-executor';

function schemaWith(resolvers: {
  week: () => unknown;
  rate: (parent: { rate: number }) => number;
  checked: (parent: { checked: number }) => number;
}): GraphQLSchema {
  const schema = buildSchema(`
    type Query { week(limit: Int): Week }
    type Week { rate: Float, checked: Int }
  `);
  (schema.getQueryType()!.getFields().week!.resolve as unknown) = resolvers.week;
  const week = schema.getType('Week') as GraphQLObjectType;
  // Named as Nest names its property readers: the executor drops these.
  week.getFields().rate!.resolve = function rootFieldResolver(parent: { rate: number }) {
    return resolvers.rate(parent);
  };
  week.getFields().checked!.resolve = resolvers.checked;
  return schema;
}

async function run(executor: CompiledExecutor, query: string, variables?: Record<string, unknown>) {
  const gateway = executor.gateway();
  const { executor: execute } = await gateway.load({ apollo: {} });
  const document = parse(query);
  const operation = document.definitions[0];
  return (await execute!({
    document,
    operation,
    operationName: null,
    request: { variables },
    context: {},
  } as never)) as ExecutionResult;
}

describe('CompiledExecutor', () => {
  it('answers from the schema Nest built, reading plain properties and calling resolvers of their own', async () => {
    const executor = new CompiledExecutor();
    const checked = jest.fn((parent: { checked: number }) => parent.checked * 10);
    const rate = jest.fn((parent: { rate: number }) => parent.rate);
    executor.captureSchema(schemaWith({ week: () => ({ rate: 0.5, checked: 2 }), rate, checked }));
    const result = await run(executor, '{ week { rate checked } }');
    expect(result).toEqual({ data: { week: { rate: 0.5, checked: 20 } } });
    expect(rate).not.toHaveBeenCalled();
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
        rate: () => 0,
        checked: () => 0,
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
    executor.captureSchema(schemaWith({ week: () => ({ rate: 1, checked: 1 }), rate: () => 0, checked: () => 0 }));
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

  it('tells plainly when it is used before Nest handed it the schema', async () => {
    const gateway = new CompiledExecutor().gateway();
    expect(() => gateway.onSchemaLoadOrUpdate(() => {})).toThrow(/schema was not captured/);
  });
});
