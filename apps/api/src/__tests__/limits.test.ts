import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../config/config';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/pagination';
import { createRequestChecker, operationCost } from '../graphql/limits';
import { createSchema } from '../graphql/schema';

const WEB_SRC = path.resolve(__dirname, '../../../web/src');

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? graphqlFiles(path.join(dir, e.name))
      : e.name.endsWith('.graphql.ts')
        ? [path.join(dir, e.name)]
        : [],
  );
}

/**
 * Every operation the web client sends, as text: each `gql` template of the *.graphql.ts files, with
 * its `${FRAGMENT}` interpolations replaced by the fragments' own text.
 */
function webOperations(): { name: string; text: string }[] {
  const templates = new Map<string, string>();
  for (const file of graphqlFiles(WEB_SRC)) {
    const src = readFileSync(file, 'utf8');
    // gql documents, generated-type graphql(`…`) documents, and plain template strings of fields
    // that documents interpolate.
    for (const m of src.matchAll(/(?:export )?const (\w+)[^=]*=\s*(?:gql|graphql\()?`([^`]*)`/g)) {
      templates.set(m[1], m[2]);
    }
  }
  const expand = (text: string, seen: Set<string>): string =>
    text.replace(/\$\{(\w+)\}/g, (_, name: string) => {
      const t = templates.get(name);
      if (t === undefined) throw new Error(`unknown interpolation ${name}`);
      return seen.has(name) ? '' : expand(t, new Set([...seen, name]));
    });
  const ops: { name: string; text: string }[] = [];
  for (const [name, text] of templates) {
    if (/^\s*(query|mutation)/.test(text)) ops.push({ name, text: dedupeFragments(expand(text, new Set())) });
  }
  return ops;
}

/** A fragment interpolated twice (through two other fragments) is kept once. */
function dedupeFragments(text: string): string {
  const doc = parse(text);
  const seen = new Set<string>();
  const defs = doc.definitions.filter((d) => {
    if (d.kind !== Kind.FRAGMENT_DEFINITION) return true;
    if (seen.has(d.name.value)) return false;
    seen.add(d.name.value);
    return true;
  });
  return defs.map((d) => text.slice(d.loc!.start, d.loc!.end)).join('\n');
}

/** Operations that name a heavy field on purpose (graphql/limits.ts HEAVY_FIELD_COST). */
const HEAVY = new Set([
  'CLAIM_DOCUMENT_QUERY',
  'UPLOAD_CLAIM_DOCUMENT_MUTATION',
  'UPLOAD_LOAN_TAPE_MUTATION',
  'LOAN_TAPE_TEMPLATE_QUERY',
  // A stress simulation is priced so that one request holds one (graphql/limits.ts, issue 13).
  'FUND_FORECAST_QUERY',
  'FORECAST_SUMMARY_QUERY',
]);

describe('request limits (issue 9)', () => {
  let schema: GraphQLSchema;
  const limits = loadConfig({ NODE_ENV: 'test' }, []).graphqlLimits;
  beforeAll(async () => {
    schema = await createSchema();
  });

  it('lets every operation of the web client through, at the largest page size, with room to spare', () => {
    const ops = webOperations();
    expect(ops.length).toBeGreaterThan(50);
    const check = createRequestChecker(schema, limits);
    // The worst case a page can ask for: every `first` at the largest page size.
    const variables = { first: MAX_PAGE_SIZE };
    for (const { name, text } of ops) {
      const doc = parse(text);
      const op = doc.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      )!;
      const cost = operationCost(schema, doc, op, variables);
      expect({ name, fits: cost <= limits.maxCost / 2 || HEAVY.has(name) }).toEqual({ name, fits: true });
      expect({ name, chars: text.length < limits.maxQueryChars / 5 }).toEqual({ name, chars: true });
      expect({ name, result: check({ query: text, variables, operationName: undefined }) }).toEqual({
        name,
        result: { uploadOnly: name.startsWith('UPLOAD_') },
      });
    }
  });

  it('counts list sizes: a page of 100 loans with their collateral costs a hundred times one loan', () => {
    const q = `query($n: Int) { loans(first: $n) { edges { node { id collateral { id } } } } }`;
    const doc = parse(q);
    const op = doc.definitions[0] as OperationDefinitionNode;
    expect(operationCost(schema, doc, op, { n: 1 })).toBe(1 + 1 * (1 + 1 + 10));
    expect(operationCost(schema, doc, op, { n: 100 })).toBe(1 + 100 * (1 + 1 + 10));
    // No `first`: the default page size.
    expect(operationCost(schema, doc, op, {})).toBe(1 + DEFAULT_PAGE_SIZE * 12);
  });

  it('refuses a huge first, deep nesting, many aliases and directives, and heavy fields together, as QUERY_TOO_COMPLEX', () => {
    const check = createRequestChecker(schema, limits);
    const refused = (query: string, variables: Record<string, unknown> = {}) =>
      check({ query, variables, operationName: undefined });
    expect(refused('{ loans(first: 1000000) { edges { node { id } } } }')).toMatchObject({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
    });
    expect(refused('query($n: Int) { loans(first: $n) { totalCount } }', { n: 1e9 })).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
    });
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: me { id }`).join(' ');
    expect(refused(`{ ${aliases} }`)).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    // Armor counts depth on the document, so a deep query is refused before its fields are even looked up.
    const nested = `${'organization { '.repeat(limits.maxDepth + 5)}id${' }'.repeat(limits.maxDepth + 5)}`;
    expect(refused(`{ me { ${nested} } }`)).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    const docs = Array.from({ length: 6 }, (_, i) => `d${i}: claimDocument(id: "x") { contentBase64 }`).join(
      ' ',
    );
    expect(refused(`{ ${docs} }`)).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    expect(refused(`{ me @skip(if: false) ${'@include(if: true) '.repeat(50)} { id } }`)).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
    });
  });

  it('answers a repeated request from memory, but never one whose variables or operation differ', () => {
    const check = createRequestChecker(schema, limits);
    const q = 'query A($n: Int) { loans(first: $n) { totalCount } } query B { me { id } }';
    const small = check({ query: q, variables: { n: 5 }, operationName: 'A' });
    expect(small).toEqual({ uploadOnly: false });
    // The same text with a huge page: a new answer, not the remembered one.
    expect(check({ query: q, variables: { n: 1e9 }, operationName: 'A' })).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
    });
    expect(check({ query: q, variables: { n: 5 }, operationName: 'A' })).toBe(small);
    const other = check({ query: q, variables: { n: 5 }, operationName: 'B' });
    expect(other).toEqual({ uploadOnly: false });
    expect(other).not.toBe(small);
    // A refusal is remembered too, and still refuses.
    const huge = '{ loans(first: 1000000) { edges { node { id } } } }';
    const first = check({ query: huge, variables: {}, operationName: undefined });
    expect(check({ query: huge, variables: {}, operationName: undefined })).toBe(first);
    expect(first).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    // A long text is checked every time, not kept (what the memory holds stays bounded).
    const long = `{ me { id } }${' '.repeat(9000)}`;
    const once = check({ query: long, variables: {}, operationName: undefined });
    const twice = check({ query: long, variables: {}, operationName: undefined });
    expect(twice).toEqual(once);
    expect(twice).not.toBe(once);
  });

  it('refuses a document over the character or token limit before parsing it, as QUERY_TOO_LARGE', () => {
    const check = createRequestChecker(schema, limits);
    expect(
      check({ query: `{ ${'__typename '.repeat(2000)} }`, variables: {}, operationName: undefined }),
    ).toMatchObject({ status: 413, code: 'QUERY_TOO_LARGE' });
    expect(
      check({
        query: `{ ${'a '.repeat(5000)} }`.slice(0, limits.maxQueryChars),
        variables: {},
        operationName: undefined,
      }),
    ).toMatchObject({ status: 413, code: 'QUERY_TOO_LARGE' });
  });
});
