import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { DocumentNode, execute, ExecutionResult, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import type { HubContext } from '../graphql/context';

/**
 * graphql-jit's errors are GraphQLErrors without `extensions` when the thrown error has none,
 * which Apollo's error normalisation cannot take: rebuild them as graphql-js builds its own
 * (same message, path, locations and original error, so format-error.ts sees what it always saw).
 */
function standardError(jitError: GraphQLError): GraphQLError {
  const error = new GraphQLError(jitError.message, { path: jitError.path, originalError: jitError.originalError ?? undefined });
  (error as { locations?: GraphQLError['locations'] }).locations = jitError.locations;
  return error;
}

type Gateway = ApolloServerOptionsWithGateway<HubContext>['gateway'];

interface Request {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
  context: HubContext;
}

/**
 * How Apollo executes an operation it has parsed and validated (its own rules, the armor limits
 * and, in production, no introspection: server/limits.ts, app.ts). Everything before execution
 * and after it (error formatting, i18n, HTTP status) stays Apollo's.
 *
 * NOTE: queries run compiled by graphql-jit, once per document (Apollo's document cache hands the
 * same DocumentNode back for the same query text). Measured in bench/read/run.ts: graphql-js
 * execution of a 1,000-person read costs several times the compiled code and most of the
 * garbage collection. Mutations (serial, few, dominated by the database) stay on graphql-js.
 * Variables are coerced by graphql-js first, so a bad variable is refused with graphql-js' own
 * words (format-error.ts reads the field out of them, Apollo answers 400 for them).
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  function compiledFor(document: DocumentNode, operationName: string | null): CompiledQuery | null {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let query = byName.get(key);
    if (query === undefined) {
      const result = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      // What graphql-jit cannot compile, graphql-js executes.
      query = isCompiledQuery(result) ? result : null;
      byName.set(key, query);
    }
    return query;
  }

  async function run({ document, operation, operationName, variables, context }: Request): Promise<ExecutionResult> {
    const query = operation.operation === 'query' ? compiledFor(document, operationName) : null;
    if (!query) return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
    const result = await query.query(undefined, context, variables ?? {});
    if (!('data' in result) && result.errors) {
      // NOTE: graphql-jit refused variables graphql-js accepted (it does not fill in an input
      // field's default, e.g. `pinned: Boolean! = false`): nothing ran yet, so graphql-js, the
      // referee, executes this document from now on.
      compiled.get(document)!.set(operationName ?? '', null);
      return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
    }
    return result.errors ? { ...result, errors: result.errors.map(standardError) } : result;
  }

  let loaded: ((schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | null = null;
  return {
    onSchemaLoadOrUpdate(callback) {
      loaded = callback;
      return () => { loaded = null; };
    },
    async load() {
      loaded?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return {
        executor: (rc) => run({
          document: rc.document, operation: rc.operation, operationName: rc.operationName, variables: rc.request.variables, context: rc.context as HubContext,
        }) as Promise<ExecutionResult<Record<string, any>, Record<string, any>>>,
      };
    },
    async stop() {},
  };
}
