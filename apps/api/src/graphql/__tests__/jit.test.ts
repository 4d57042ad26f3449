import { buildSchema, execute, GraphQLError, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { jitGateway } from '../jit';

/** A small schema with what the portal's uses: lists, nesting, a union, arguments and a thrown error. */
function schemaWith(resolveType: (value: { kind: string }) => unknown): GraphQLSchema {
  const schema = buildSchema(`
    type Loan { id: ID! amount: String! bank: Bank! }
    type Bank { name: String! }
    union Subject = Loan | Bank
    type Query {
      loans(first: Int!): [Loan!]!
      subject(bank: Boolean!): Subject
      refused: String
      echo(text: String!): String
    }
  `);
  const query = schema.getQueryType()!.getFields();
  query.loans.resolve = (_root, { first }: { first: number }) =>
    Array.from({ length: first }, (_, i) => ({
      id: `l${i}`,
      amount: `${i}.00`,
      bank: { name: `b${i % 3}` },
    }));
  query.subject.resolve = (_root, { bank }: { bank: boolean }) =>
    bank ? { kind: 'Bank', name: 'bank-a' } : { kind: 'Loan', id: 'l1', amount: '1.00', bank: { name: 'b' } };
  query.echo.resolve = (_root, { text }: { text: string }) => text;
  query.refused.resolve = () => {
    throw Object.assign(new Error('no'), { code: 'FORBIDDEN' });
  };
  (schema.getType('Subject') as { resolveType?: unknown }).resolveType = resolveType;
  return schema;
}

/**
 * Runs one document three times, as Apollo's document store hands it (the same object): the first run
 * is interpreted, the later ones compiled. All three must agree; the compiled answer is returned.
 */
async function run(
  schema: GraphQLSchema,
  source: string,
  variables: Record<string, unknown> = {},
  { interpretedAgrees = true } = {},
) {
  const { executor } = await jitGateway(schema).load({ apollo: {} as never });
  const document = parse(source);
  const ctx = { document, operationName: null, request: { variables }, context: {} };
  const runs: ExecutionResult[] = [];
  for (let i = 0; i < 3; i++) runs.push((await executor!(ctx as never)) as ExecutionResult);
  if (interpretedAgrees) expect(runs[1]).toEqual(runs[0]);
  expect(runs[2]).toEqual(runs[1]);
  return runs[2];
}

describe('compiled execution (graphql-jit behind Apollo)', () => {
  const schema = schemaWith((v) => v.kind);

  it('answers exactly as graphql-js does: lists, nesting, aliases, fragments, variables and a union', async () => {
    const source = `query($n: Int!) {
      loans(first: $n) { id amount bank { name } }
      again: loans(first: 2) { ...L }
      a: subject(bank: true) { __typename ... on Bank { name } }
      b: subject(bank: false) { __typename ... on Loan { id bank { name } } }
    }
    fragment L on Loan { id }`;
    const compiled = await run(schema, source, { n: 5 });
    const interpreted = await execute({ schema, document: parse(source), variableValues: { n: 5 } });
    expect(compiled).toEqual(interpreted);
    expect(compiled.errors).toBeUndefined();
  });

  it('keeps a thrown error as the original error, with an extensions object Apollo can extend', async () => {
    const result = await run(schema, '{ refused loans(first: 1) { id } }');
    expect(result.data).toEqual({ refused: null, loans: [{ id: 'l0' }] });
    const [error] = result.errors!;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.path).toEqual(['refused']);
    expect(error.locations).toEqual([{ line: 1, column: 3 }]);
    expect((error.originalError as { code?: string }).code).toBe('FORBIDDEN');
    expect(error.extensions).toEqual({});
  });

  it('reports variables that do not coerce as the caller’s mistake (BAD_USER_INPUT), running nothing', async () => {
    // (graphql-js words the message a little differently, and Apollo sets the code on its errors itself)
    const result = await run(
      schema,
      'query($n: Int!) { loans(first: $n) { id } }',
      { n: 'many' },
      { interpretedAgrees: false },
    );
    expect('data' in result).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('passes a literal argument to the resolver as the exact text, whatever it contains (no code from a query)', async () => {
    const nasty = `"); globalThis.pwned = 1; ("\\u0022 \${1} \`x\` \\\\ 中文 \u2028`;
    const literal = JSON.stringify(nasty);
    const result = await run(schema, `{ echo(text: ${literal}) }`);
    expect(result).toEqual({ data: { echo: nasty } });
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('refuses a schema whose type resolver is async (compiled code would not await it)', () => {
    const asyncSchema = schemaWith(async (v) => v.kind);
    expect(() => jitGateway(asyncSchema)).toThrow(/Subject\.resolveType is async/);
  });
});
