import Decimal from 'decimal.js';
import { isIsoDate } from '@ipfund/policy';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** numeric(18,2): at most 16 integer digits and 2 decimals. */
const DECIMAL_INPUT = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;

function decimalError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** The start of a refused value for the message: a 10 MB value is never echoed back whole. */
export function preview(value: unknown): string {
  const s = typeof value === 'string' ? value : String(JSON.stringify(value));
  return s.length > 40 ? `${s.slice(0, 40)}… (${s.length} characters)` : s;
}

function parseDecimal(value: unknown): string {
  if (typeof value !== 'string') {
    throw decimalError('Decimal must be a string such as "1500000.00" (numbers lose precision)');
  }
  const s = value.trim();
  if (s.startsWith('-')) throw decimalError(`Decimal must not be negative: "${preview(value)}"`);
  if (/^\d+\.\d{3,}$/.test(s))
    throw decimalError(`Decimal allows at most two decimals (fen): "${preview(value)}"`);
  if (/^\d{17,}(\.\d*)?$/.test(s)) {
    throw decimalError(
      `Not a decimal amount: at most 16 integer digits (numeric(18,2)): "${preview(value)}"`,
    );
  }
  if (!DECIMAL_INPUT.test(s)) throw decimalError(`Not a decimal amount: "${preview(value)}"`);
  return new Decimal(s).toFixed(2);
}

/** numeric(18,2) as node-pg returns it for a non-negative amount: already the answer's form. */
const CANONICAL_AMOUNT = /^(?:0|[1-9]\d*)\.\d\d$/;

export function serializeDecimal(value: unknown): string {
  // Every money field of every row passes here: a page of 50 loans built ~150 Decimals just to
  // print them as they came.
  if (typeof value === 'string' && CANONICAL_AMOUNT.test(value)) return value;
  if (value instanceof Decimal) return value.toFixed(2);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return new Decimal(value).toFixed(2);
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toString: unknown }).toString === 'function'
  ) {
    const s = String(value);
    if (/^-?\d+(\.\d+)?$/.test(s)) return new Decimal(s).toFixed(2);
  }
  // A JS number here would mean money passed through floating point somewhere: refuse loudly.
  throw new GraphQLError(`Decimal cannot serialize ${typeof value}`);
}

/**
 * Money in yuan as a string with exactly two decimals ("1500000.00"). Input is a string only,
 * non-negative, at most two decimals: a number literal would already have lost precision.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description:
    'Yuan amount as a string with two decimals, e.g. "1500000.00". Input: a string, ≥ 0, ≤ 2 decimals.',
  serialize: serializeDecimal,
  parseValue: parseDecimal,
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw decimalError('Decimal must be a string such as "1500000.00"');
    return parseDecimal(ast.value);
  },
});

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw decimalError(`Date must be a calendar date YYYY-MM-DD: ${preview(value)}`);
  }
  return value;
}

/** A calendar day (Asia/Shanghai business calendar), "YYYY-MM-DD"; no time, no zone. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'Calendar date "YYYY-MM-DD" (business days are reckoned in Asia/Shanghai).',
  serialize(value: unknown) {
    if (typeof value === 'string' && isIsoDate(value)) return value;
    throw new GraphQLError(`Date cannot serialize ${JSON.stringify(value)}`);
  },
  parseValue: parseDate,
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw decimalError('Date must be a string "YYYY-MM-DD"');
    return parseDate(ast.value);
  },
});
