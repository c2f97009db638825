import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Names of the fields a resolver's client asked for beneath it (through fragments too; a field
 * under @skip/@include counts as asked). Loaders use it to select only those columns.
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') names.add(selection.name.value);
      else if (selection.kind === 'InlineFragment') visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}

/**
 * The SQL select list for the asked-for fields of a type: `columns` maps field names to their
 * column, `always` is selected whatever was asked (ids the field resolvers below need).
 * Columns are aliased to the field names, so a row already has the GraphQL type's shape.
 */
export function selectList(asked: Set<string>, columns: Record<string, string>, always: string[], alias: string): string {
  const list = new Set(always);
  for (const field of asked) if (Object.hasOwn(columns, field)) list.add(field);
  return [...list].map((field) => `${alias}.${columns[field]} AS "${field}"`).join(', ');
}
