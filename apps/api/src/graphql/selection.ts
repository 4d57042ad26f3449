import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type FieldsByTypeName, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * The fields of a connection's node that the response asks for (issue 10: a list reads only the
 * columns its response needs). Follows `edges { node { … } }` and, for lists that have it,
 * `nodes { … }`, through aliases, fragments and @skip/@include (graphql-parse-resolve-info).
 * Field names, not aliases. `null` when the selection cannot be read: the caller then reads every
 * column, so an unforeseen query shape costs speed, never a missing value.
 */
export function connectionNodeFields(info: GraphQLResolveInfo): ReadonlySet<string> | null {
  let tree: ResolveTree | FieldsByTypeName | null | undefined;
  try {
    tree = parseResolveInfo(info);
  } catch {
    return null;
  }
  // Without keepRoot the answer is the field's own tree (a name and its sub-selections).
  const root = tree as ResolveTree | null | undefined;
  if (!root || typeof root.name !== 'string' || !root.fieldsByTypeName) return null;
  const names = new Set<string>();
  for (const connection of Object.values(root.fieldsByTypeName)) {
    for (const field of Object.values(connection)) {
      if (field.name === 'nodes') addFieldNames(field.fieldsByTypeName, names);
      if (field.name !== 'edges') continue;
      for (const edge of Object.values(field.fieldsByTypeName)) {
        for (const edgeField of Object.values(edge)) {
          if (edgeField.name === 'node') addFieldNames(edgeField.fieldsByTypeName, names);
        }
      }
    }
  }
  return names;
}

function addFieldNames(byType: FieldsByTypeName, into: Set<string>): void {
  for (const fields of Object.values(byType)) for (const field of Object.values(fields)) into.add(field.name);
}
