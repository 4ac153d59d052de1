import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  DocumentNode,
  ExecutionResult,
  getVariableValues,
  GraphQLError,
  GraphQLSchema,
  isObjectType,
  OperationDefinitionNode,
} from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<Record<string, unknown>>['gateway'];

/** Wraps each execution (e.g. to run it as its user's: UserConcurrency.aroundExecution). */
export type AroundExecution = <T>(context: unknown, work: () => T) => T;

/**
 * Executes GraphQL operations with graphql-jit instead of graphql-js, through the only way Apollo
 * Server 4/5 takes another executor: its gateway interface, here serving the schema Nest built.
 *
 * Why: a weekly breakdown answers thousands of fields, and graphql-js walks each of them at run
 * time (argument values, paths, completion), which cost more than the SQL behind the answer.
 * graphql-jit compiles each operation once into a plain function. Apollo still parses,
 * validates (with this API's limits), runs the plugins and formats errors as before; only the
 * execution step changes.
 *
 * Compiled operations are kept per parsed document, and Apollo keeps parsed documents in its
 * bounded document store, so these live exactly as long as Apollo remembers the document.
 */
export class CompiledExecutor {
  private schema: GraphQLSchema | undefined;
  private readonly compiled = new WeakMap<DocumentNode, Map<string | null, CompiledQuery | ExecutionResult>>();

  constructor(private readonly aroundExecution: AroundExecution = (_context, work) => work()) {}

  /** Nest's transformSchema hook: receives the schema Nest generated, before Apollo starts. */
  readonly captureSchema = (schema: GraphQLSchema): GraphQLSchema => {
    withoutPropertyResolvers(schema);
    this.schema = schema;
    return schema;
  };

  /** The object Apollo takes as `gateway`: it reports the captured schema and hands out execute(). */
  gateway(): Gateway {
    return {
      onSchemaLoadOrUpdate: (callback) => {
        callback({ apiSchema: this.requireSchema(), coreSupergraphSdl: '' });
        return () => {};
      },
      load: async () => ({
        executor: async ({ document, operation, operationName, request, context }) =>
          this.execute(document, operation, operationName, context, request.variables ?? {}),
      }),
      stop: async () => {},
    };
  }

  execute(
    document: DocumentNode,
    operation: OperationDefinitionNode | undefined,
    operationName: string | null,
    context: unknown,
    variables: Record<string, unknown>,
  ): ExecutionResult | Promise<ExecutionResult> {
    // Variables are checked by graphql-js first: its errors carry the variable's definition, which
    // is how Apollo tells a client's bad input (400, BAD_USER_INPUT, the message kept) from a fault
    // of the server (graphql-jit's own errors for them carry no node: "something went wrong").
    if (operation) {
      const checked = getVariableValues(this.requireSchema(), operation.variableDefinitions ?? [], variables);
      if (checked.errors) return { errors: checked.errors };
    }
    const query = this.compile(document, operationName);
    // Not compiled: no operation to run (several without a name, or an unknown name). Apollo turns
    // these errors into its 400 OPERATION_RESOLUTION_FAILURE, as for graphql-js's.
    if (!isCompiledQuery(query)) return withPlainErrors(query);
    // The raw variables, not graphql-js's coerced ones: graphql-jit coerces them itself.
    const result = this.aroundExecution(context, () => query.query(undefined, context, variables));
    return isPromise(result) ? result.then(withPlainErrors) : withPlainErrors(result);
  }

  private compile(document: DocumentNode, operationName: string | null): CompiledQuery | ExecutionResult {
    let byName = this.compiled.get(document);
    if (!byName) this.compiled.set(document, (byName = new Map()));
    let query = byName.get(operationName);
    if (!query) {
      // Apollo serialises the response itself, so graphql-jit's JSON serializer is not built.
      query = compileQuery(this.requireSchema(), document, operationName ?? undefined, { customJSONSerializer: false });
      byName.set(operationName, query);
    }
    return query;
  }

  private requireSchema(): GraphQLSchema {
    if (!this.schema) throw new Error('CompiledExecutor: the schema was not captured (transformSchema not set)');
    return this.schema;
  }
}

/**
 * Nest gives every @Field of an object type a resolver that returns the property of the same name,
 * or the field's defaultValue when the property is undefined. graphql-jit reads a field without a
 * resolver inline, but must call a resolver, with its info object, for each of the thousands of
 * fields of a weekly breakdown; so these are removed where they add nothing: Nest's property
 * readers (so named) that give nothing for an object without the property (no defaultValue).
 * Resolvers of their own (@ResolveField, root queries) are left alone.
 */
function withoutPropertyResolvers(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (resolve?.name === NEST_PROPERTY_RESOLVER && resolve({}, {}, undefined, undefined as never) === undefined)
        field.resolve = undefined;
    }
  }
}

const NEST_PROPERTY_RESOLVER = 'rootFieldResolver';

/**
 * graphql-jit's errors inherit from graphql-js's but may lack `extensions`, which Apollo reads
 * unguarded when it formats them (so any error became "Internal server error"). Each becomes the
 * plain GraphQLError graphql-js would have given: message, locations, path and original error.
 */
function withPlainErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((e) =>
    Object.assign(
      new GraphQLError(e.message, {
        path: e.path,
        originalError: e.originalError ?? undefined,
        extensions: e.extensions,
      }),
      { locations: e.locations },
    ),
  );
  return { ...result, errors };
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
