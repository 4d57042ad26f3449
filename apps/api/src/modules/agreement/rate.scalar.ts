import { Rate } from '@ipfund/policy';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { preview } from '../../graphql/scalars';

/** A share of a loss: 0 to 1 with at most four decimals ("0.30", "0.125", "1"). */
const RATE_INPUT = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;

function rateError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseRate(value: unknown): string {
  if (typeof value !== 'string') {
    throw rateError('Rate must be a decimal string such as "0.30" (numbers lose precision)');
  }
  const s = value.trim();
  if (!RATE_INPUT.test(s)) {
    throw rateError(`Rate must be a decimal between 0 and 1 with at most four decimals: "${preview(value)}"`);
  }
  return Rate.of(s).toString();
}

function serializeRate(value: unknown): string {
  if (value instanceof Rate) return value.toString();
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) return Rate.of(value).toString();
  // A JS number would mean a rate passed through floating point somewhere: refuse loudly.
  throw new GraphQLError(`Rate cannot serialize ${typeof value}`);
}

/**
 * A rate as an exact decimal string ("0.30" = 30 %), never a JS number. Used for the shares of a
 * cooperation agreement (Art 11, 14). Output has at least two decimals.
 */
export const RateScalar = new GraphQLScalarType({
  name: 'Rate',
  description: 'A rate as a decimal string between 0 and 1, e.g. "0.30" for 30 %; at most four decimals.',
  serialize: serializeRate,
  parseValue: parseRate,
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw rateError('Rate must be a string such as "0.30"');
    return parseRate(ast.value);
  },
});
