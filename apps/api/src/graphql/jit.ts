import type { ApolloServerOptions } from '@apollo/server';
import {
  execute,
  GraphQLError,
  isAbstractType,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { GqlContext } from './context';

type Gateway = NonNullable<ApolloServerOptions<GqlContext>['gateway']>;
type Executor = Awaited<ReturnType<Gateway['load']>>['executor'];

/**
 * Issue 10: operations run as compiled JavaScript (graphql-jit) instead of graphql-js's
 * interpreter. Apollo still parses, validates (its document cache, the limits, the plugins) and
 * formats; only execution changes. graphql-js walks the schema for every field of every row on every
 * request; compiled, a page of 50 loans costs a tenth less Node CPU per request in the reads bench.
 *
 * Apollo takes a custom executor only through its gateway interface: this "gateway" serves the one
 * local schema and never changes it. An operation is compiled at its second run — Apollo's document
 * store hands the same parsed document for the same text, so that is a repeated operation, and a
 * stream of one-off documents cannot make the server compile each — and one graphql-jit cannot
 * compile runs through graphql-js. (Mercurius, Fastify's GraphQL server, uses graphql-jit the same
 * way: compiled after a number of runs, interpreted until then.) The generated code is built from the
 * schema's and the document's names, which the GraphQL grammar restricts to [_A-Za-z0-9]; argument
 * values reach resolvers as data (jit.test.ts sends code in a string literal).
 */
export function jitGateway(schema: GraphQLSchema): Gateway {
  assertSynchronousTypeResolvers(schema);
  // Per document object, per operation name: the number of runs so far, then the compiled query (or
  // null when it does not compile). A WeakMap: a document Apollo evicts takes its entry with it.
  const seen = new WeakMap<DocumentNode, Map<string, number | CompiledQuery | null>>();
  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byName = seen.get(document);
    if (!byName) seen.set(document, (byName = new Map()));
    const key = operationName ?? '';
    const entry = byName.get(key) ?? 0;
    if (typeof entry !== 'number') return entry;
    if (entry < 1) {
      byName.set(key, entry + 1);
      return null;
    }
    const result = compileQuery(schema, document, operationName);
    const query = isCompiledQuery(result) ? result : null;
    byName.set(key, query);
    return query;
  };

  const executor: Executor = async (ctx) => {
    const query = compiledFor(ctx.document, ctx.operationName ?? undefined);
    if (query) return asGraphQLErrors(await query.query(undefined, ctx.context, ctx.request.variables ?? {}));
    return execute({
      schema,
      document: ctx.document,
      contextValue: ctx.context,
      variableValues: ctx.request.variables,
      operationName: ctx.operationName,
    });
  };

  let listener: Parameters<Gateway['onSchemaLoadOrUpdate']>[0] | null = null;
  return {
    // Apollo subscribes first, then loads: the schema is announced once, at load.
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => {
        listener = null;
      };
    },
    async load() {
      listener?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return { schema, executor };
    },
    async stop() {},
  };
}

/**
 * graphql-jit reports errors as its own lightweight GraphQLError, whose `extensions` is undefined
 * when the thrown error has none; Apollo (and graphql-js 16's contract) expect an object there, so
 * each becomes a graphql-js error carrying the same message, path, locations and original error.
 */
function asGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  // No `data` at all: the variables did not coerce, and nothing ran. graphql-js reports this the same
  // way, and Apollo answers it as the caller's mistake (BAD_USER_INPUT); graphql-jit's errors lack the
  // variable's AST node Apollo recognises it by, so the code is set here.
  const badVariables = !('data' in result);
  const errors = result.errors.map((e) => {
    const error = new GraphQLError(e.message, {
      path: e.path,
      originalError: e.originalError ?? undefined,
      extensions: badVariables ? { ...e.extensions, code: 'BAD_USER_INPUT' } : (e.extensions ?? undefined),
    });
    if (e.locations) Object.assign(error, { locations: e.locations });
    return error;
  });
  return { ...result, errors };
}

/**
 * graphql-jit calls an abstract type's `resolveType` and uses its answer as it is: a promise of a
 * type name reads as "no type", and every such field would fail at run time. type-graphql wraps the
 * resolveType it is given in an async function, so the schema installs synchronous ones (see
 * modules/task/task.types.ts); this refuses to start with any left.
 */
function assertSynchronousTypeResolvers(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isAbstractType(type) || !type.resolveType) continue;
    if (type.resolveType.constructor.name === 'AsyncFunction')
      throw new Error(`${type.name}.resolveType is async: compiled execution needs it synchronous`);
  }
}
