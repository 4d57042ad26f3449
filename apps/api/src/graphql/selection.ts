import { BREAK, visit, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { parseResolveInfo, type FieldsByTypeName, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * The fields of a connection's node that the response asks for (issue 10: a list reads only the
 * columns its response needs). Follows `edges { node { … } }` and, for lists that have it,
 * `nodes { … }`, through aliases, fragments and @skip/@include (graphql-parse-resolve-info).
 * Field names, not aliases. `null` when the selection cannot be read: the caller then reads every
 * column, so an unforeseen query shape costs speed, never a missing value.
 */
export function connectionNodeFields(info: GraphQLResolveInfo): ReadonlySet<string> | null {
  // Apollo keeps one parsed document per query text, so the same query arrives with the same
  // operation node: its selection is read once (graphql-parse-resolve-info walks it on each call,
  // 2–3 % of a list page's CPU). @skip and @include make it depend on the variables as well.
  let known = selections.get(info.operation);
  if (!known) {
    known = { byField: new Map(), conditional: hasConditions(info) };
    selections.set(info.operation, known);
  }
  const key =
    `${info.parentType.name}|${pathKey(info.path)}` +
    (known.conditional ? `|${JSON.stringify(info.variableValues)}` : '');
  if (known.byField.has(key)) return known.byField.get(key)!;
  const fields = readNodeFields(info);
  // Bounded: without conditions one entry per list field of the document; with them, one per set of
  // variable values, which the caller chooses — those are not kept beyond a few.
  if (!known.conditional || known.byField.size < 16) known.byField.set(key, fields);
  return fields;
}

const selections = new WeakMap<
  OperationDefinitionNode,
  { byField: Map<string, ReadonlySet<string> | null>; conditional: boolean }
>();

/** The response path without list indices: every item of a list has the same selection. */
function pathKey(path: GraphQLResolveInfo['path'] | undefined): string {
  let key = '';
  for (let p = path; p; p = p.prev) if (typeof p.key === 'string') key = `${p.key}.${key}`;
  return key;
}

/** Does the operation, or a fragment it may spread, use @skip or @include? */
function hasConditions(info: GraphQLResolveInfo): boolean {
  let found = false;
  const look = {
    Directive(node: { name: { value: string } }) {
      if (node.name.value === 'skip' || node.name.value === 'include') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  };
  visit(info.operation, look);
  for (const fragment of Object.values(info.fragments)) if (!found) visit(fragment, look);
  return found;
}

function readNodeFields(info: GraphQLResolveInfo): ReadonlySet<string> | null {
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
