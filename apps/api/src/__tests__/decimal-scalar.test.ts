import { Arg, Field, ObjectType, Query, Resolver, buildSchema } from 'type-graphql';
import { graphql, type GraphQLSchema } from 'graphql';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { DateScalar, DecimalScalar, serializeDecimal } from '../graphql/scalars';

@ObjectType()
class Echo {
  @Field(() => DecimalScalar)
  amount: string;
}

@Resolver()
class EchoResolver {
  @Query(() => Echo)
  echo(@Arg('amount', () => DecimalScalar) amount: string): Echo {
    return { amount };
  }

  @Query(() => DateScalar)
  day(@Arg('d', () => DateScalar) d: string): string {
    return d;
  }
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema({ resolvers: [EchoResolver], validate: false });
});

const viaVariable = (amount: unknown) =>
  graphql({
    schema,
    source: 'query($a: Decimal!) { echo(amount: $a) { amount } }',
    variableValues: { a: amount },
  });
const viaLiteral = (literal: string) =>
  graphql({ schema, source: `query { echo(amount: ${literal}) { amount } }` });

describe('Decimal scalar', () => {
  it.each(['12345678.90', '9999999999999999.99'])('round-trips %s exactly', async (v) => {
    expect((await viaVariable(v)).data).toEqual({ echo: { amount: v } });
    expect((await viaLiteral(`"${v}"`)).data).toEqual({ echo: { amount: v } });
  });

  it('always answers with two decimals', async () => {
    expect((await viaVariable('1500000')).data).toEqual({ echo: { amount: '1500000.00' } });
    expect((await viaVariable('0.5')).data).toEqual({ echo: { amount: '0.50' } });
  });

  it.each([
    ['more than two decimals', '1.001', /two decimals/],
    ['a negative amount', '-5.00', /negative/],
    ['not a number', 'abc', /Not a decimal/],
    ['an empty string', '', /Not a decimal/],
    ['exponent notation', '1e6', /Not a decimal/],
    ['more than 16 integer digits', '12345678901234567.00', /Not a decimal/],
  ])('refuses %s', async (_label, value, message) => {
    const res = await viaVariable(value);
    expect(res.errors?.[0].message).toMatch(message);
    expect(res.data).toBeUndefined();
  });

  it('refuses a JSON number (it would already have lost precision)', async () => {
    const res = await viaVariable(12.5);
    expect(res.errors?.[0].message).toMatch(/must be a string/);
    const lit = await viaLiteral('12.5');
    expect(lit.errors?.[0].message).toMatch(/must be a string/);
  });

  it('refuses to serialize a JS number coming from a resolver', () => {
    expect(() => DecimalScalar.serialize(0.1)).toThrow(/cannot serialize number/);
  });
});

describe('Date scalar', () => {
  it('accepts calendar dates and refuses impossible ones', async () => {
    const ok = await graphql({ schema, source: 'query { day(d: "2024-02-29") }' });
    expect(ok.data).toEqual({ day: '2024-02-29' });
    for (const bad of ['2023-02-29', '2024-13-01', '24-01-01', '2024-01-01T00:00:00Z']) {
      const res = await graphql({ schema, source: `query { day(d: "${bad}") }` });
      expect(res.errors?.[0].message).toMatch(/YYYY-MM-DD/);
    }
  });
});

describe('serializing amounts (issue 10: strings already in form pass through)', () => {
  it('answers exactly what decimal.js would, for any string amount a column can hold', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }),
        fc.integer({ min: 0, max: 4 }),
        (units, scale) => {
          const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
          const text = `${units < 0n ? '-' : ''}${scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits}`;
          expect(serializeDecimal(text)).toBe(new Decimal(text).toFixed(2));
        },
      ),
      { numRuns: 2000 },
    );
    for (const text of ['0.00', '-0.00', '00.50', '1.5', '12', '1500000.00', '0.005'])
      expect(serializeDecimal(text)).toBe(new Decimal(text).toFixed(2));
  });
});
