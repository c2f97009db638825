import { GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';

/** Plain field resolvers by type and field name: (root, context, info), no arguments. */
export type DirectFieldResolvers<Context> = Record<string, Record<string, (root: any, context: Context, info: Parameters<GraphQLFieldResolver<unknown, Context>>[3]) => unknown>>;

/**
 * Replaces the resolvers type-graphql built for these fields with the plain functions, so GraphQL
 * calls them directly. The fields must exist and already have a resolver (a typo fails at start).
 * NOTE: type-graphql's resolver wrapper looks the resolver instance up, builds the parameter list
 * and runs the middleware chain on every call; for a field resolved a thousand times per answer
 * that is measurable (bench/read/run.ts). Use it only for fields without arguments, middleware or
 * authorization of their own: the plain function is all that runs.
 */
export function resolveDirectly<Context>(schema: GraphQLSchema, resolvers: DirectFieldResolvers<Context>): void {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`resolveDirectly: no object type ${typeName}`);
    for (const [fieldName, resolve] of Object.entries(fields)) {
      const field = type.getFields()[fieldName];
      if (!field?.resolve || field.args.length) throw new Error(`resolveDirectly: ${typeName}.${fieldName} is not a resolved field without arguments`);
      field.resolve = (root, _args, context, info) => resolve(root, context, info);
    }
  }
}
