import { buildSchema, execute, parse, type DocumentNode } from 'graphql';
import { connectionNodeFields } from '../selection';

/**
 * The fields a connection's node is asked for, read once per operation document (Apollo hands the
 * same parsed document to every request with the same text) — and again whenever @skip/@include
 * make the answer depend on the variables.
 */
const schema = buildSchema(`
  type Item { a: String b: String c: String }
  type Edge { node: Item cursor: String }
  type Connection { edges: [Edge!]! nodes: [Item!]! }
  type Query { items: Connection inner: Query }
`);
const seen: (ReadonlySet<string> | null)[] = [];
schema.getQueryType()!.getFields().items.resolve = (_root, _args, _ctx, info) => {
  seen.push(connectionNodeFields(info));
  return { edges: [], nodes: [] };
};
schema.getQueryType()!.getFields().inner.resolve = () => ({});

function fieldsOf(document: DocumentNode, variables: Record<string, unknown> = {}) {
  seen.length = 0;
  const result = execute({ schema, document, variableValues: variables });
  if ('errors' in result && result.errors) throw new Error(JSON.stringify(result.errors));
  return [...seen];
}

const sorted = (s: ReadonlySet<string> | null | undefined) => (s ? [...s].sort() : s);

describe('connectionNodeFields', () => {
  it('reads field names through aliases, fragments and nodes, once per document', () => {
    const document = parse(`
      query { items { edges { node { x: a ...F } } nodes { ... on Item { c } } } }
      fragment F on Item { b }`);
    const [first] = fieldsOf(document);
    expect(sorted(first)).toEqual(['a', 'b', 'c']);
    const [again] = fieldsOf(document);
    // The same answer object: the second request did not walk the selection again.
    expect(again).toBe(first);
    // Another document with the same text is another entry, with the same answer.
    expect(sorted(fieldsOf(parse(`{ items { edges { node { a } } } }`))[0])).toEqual(['a']);
  });

  it('follows @skip and @include with each request’s variables', () => {
    const document = parse(`
      query($withB: Boolean!, $noC: Boolean!) {
        items { edges { node { a b @include(if: $withB) ...F } } }
      }
      fragment F on Item { c @skip(if: $noC) }`);
    expect(sorted(fieldsOf(document, { withB: true, noC: false })[0])).toEqual(['a', 'b', 'c']);
    expect(sorted(fieldsOf(document, { withB: false, noC: false })[0])).toEqual(['a', 'c']);
    expect(sorted(fieldsOf(document, { withB: false, noC: true })[0])).toEqual(['a']);
    expect(sorted(fieldsOf(document, { withB: true, noC: false })[0])).toEqual(['a', 'b', 'c']);
  });

  it('keeps one answer per field of the document, not one per response path', () => {
    const document = parse(
      `{ one: items { edges { node { a } } } inner { items { edges { node { b } } } } }`,
    );
    const [one, inner] = fieldsOf(document);
    expect(sorted(one)).toEqual(['a']);
    expect(sorted(inner)).toEqual(['b']);
    const [one2, inner2] = fieldsOf(document);
    expect(one2).toBe(one);
    expect(inner2).toBe(inner);
  });
});
