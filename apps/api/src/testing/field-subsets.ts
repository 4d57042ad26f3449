import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import fc from 'fast-check';
import { createTestApp, type TestApp } from './test-app';

/**
 * A connection whose page reads only the columns the asked-for fields need (issue 10: loans,
 * claims), tried against its own all-fields answer: `root` is the list field (`claims`), `orderBy`
 * its order argument, `type` the node's type, `selections` every field of the type with the
 * sub-selection a query needs for it.
 */
export interface FieldSubsets {
  app: TestApp;
  root: string;
  orderBy: string;
  type: string;
  selections: Record<string, string>;
}

type Nodes = Record<string, { edges: { cursor: string; node: Record<string, unknown> }[] }>;

/** The field names of an object type of the API's schema file, sorted. */
export function schemaFieldNames(type: string): string[] {
  const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8'));
  const t = schema.getType(type);
  if (!isObjectType(t)) throw new Error(`no object type ${type}`);
  return Object.keys(t.getFields()).sort();
}

async function page(
  s: FieldSubsets,
  token: string,
  first: number,
  body: string,
  extra = '',
  after?: string,
): Promise<Nodes[string]['edges']> {
  const args = `first: ${first}, orderBy: ${s.orderBy}${after ? ', after: $after' : ''}`;
  const res = await s.app.gql<Nodes>(
    `query${after ? '($after: String)' : ''} { ${s.root}(${args}) { edges { ${body} } } } ${extra}`,
    after ? { after } : {},
    token,
  );
  expect(res.errors).toBeUndefined();
  return res.data![s.root].edges;
}

/** The nodes of a page of 30 with every field, as `token` sees them. */
export async function allFieldsNodes(s: FieldSubsets, token: string): Promise<Record<string, unknown>[]> {
  const edges = await page(s, token, 30, `node { ${Object.values(s.selections).join(' ')} }`);
  return edges.map((e) => e.node);
}

/**
 * Random subsets of the fields, for random users, aliased (so the list must read field names, not
 * response keys) and as a named or an inline fragment, answer exactly what the all-fields query
 * (`full`, by user) gave for those fields.
 */
export async function expectEverySubsetAnswersAsAll(
  s: FieldSubsets,
  tokens: Record<string, string>,
  full: Record<string, Record<string, unknown>[]>,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...Object.keys(full)),
      fc.subarray(Object.keys(s.selections), { minLength: 1 }),
      fc.boolean(),
      async (user, chosen, asFragment) => {
        const selection = chosen.map((f) => `x_${f}: ${s.selections[f]}`).join(' ');
        const edges = asFragment
          ? await page(s, tokens[user], 30, 'node { ...F }', `fragment F on ${s.type} { ${selection} }`)
          : await page(s, tokens[user], 30, `node { ... on ${s.type} { ${selection} } }`);
        const want = full[user].map((node) => Object.fromEntries(chosen.map((f) => [`x_${f}`, node[f]])));
        expect(edges.map((e) => e.node)).toEqual(want);
      },
    ),
    { numRuns: 40, seed: 20261202 },
  );
}

/**
 * A page of ids alone gives the cursors a page with `rich` fields gives (the cursor is made of the
 * sort column and the sequence, which a lean page must still read), and its last cursor pages on
 * to the all-fields page's next nodes (`full`, as `token` sees them).
 */
export async function expectLeanCursorsPageOn(
  s: FieldSubsets,
  token: string,
  full: Record<string, unknown>[],
  rich: string,
): Promise<void> {
  const lean = await page(s, token, 3, 'cursor node { id }');
  const richer = await page(s, token, 3, `cursor node { ${rich} }`);
  expect(lean.map((e) => e.cursor)).toEqual(richer.map((e) => e.cursor));
  const next = await page(s, token, 3, 'node { id }', '', lean.at(-1)!.cursor);
  expect(next.map((e) => e.node.id)).toEqual(full.slice(3, 6).map((n) => n.id));
}

/**
 * The suite's set-up, in the describe block that calls it: a test app, and for each user a token
 * and the all-fields page (each page must list something, or the comparisons would prove nothing).
 */
export function fieldSubsetsSuite(opts: Omit<FieldSubsets, 'app'> & { users: string[] }) {
  const suite = {
    app: undefined as unknown as TestApp,
    tokens: {} as Record<string, string>,
    full: {} as Record<string, Record<string, unknown>[]>,
    subsets: (): FieldSubsets => ({ ...opts, app: suite.app }),
  };
  beforeAll(async () => {
    suite.app = await createTestApp();
    for (const user of opts.users) {
      suite.tokens[user] = await suite.app.login(user);
      suite.full[user] = await allFieldsNodes(suite.subsets(), suite.tokens[user]);
      expect(suite.full[user].length).toBeGreaterThan(0);
    }
  });
  afterAll(async () => {
    await suite.app?.close();
  });
  return suite;
}
