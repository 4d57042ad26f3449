import Decimal from 'decimal.js';
import { Money } from '@ipfund/policy';

// A module-level binding: a global such as Math is slow to reach from a vm context (jest).
const round = Math.round;
const FAST_LIMIT = 2 ** 50;

/**
 * Money in the hot loop is an integer number of fen held in a double: every amount of the programme
 * (at most 10^13 fen summed over 10,000 paths) stays far below 2^53, so sums of fen are exact. These two
 * functions are the only ways in and out; nothing in between multiplies by a rate.
 */
export function toFen(m: Money): number {
  const text = m.toString();
  // Fast path: the text's nearest double × 100 is within |fen| × 2^-52 of the exact fen, so below 2^50 fen
  // (10^13 yuan) rounding it gives the fen exactly; beyond, the digits are read one by one.
  const fast = round(+text * 100);
  if (fast < FAST_LIMIT && fast > -FAST_LIMIT) return fast === 0 ? 0 : fast;
  const [whole, frac = ''] = text.split('.');
  const negative = whole.startsWith('-');
  const digits = (negative ? whole.slice(1) : whole) + frac.padEnd(2, '0');
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${m.toString()} is beyond exact fen arithmetic`);
  return negative ? -n : n;
}

export function fromFen(fen: number): Money {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`${fen} fen is not a whole number of fen`);
  return Money.of(new Decimal(fen).dividedBy(100).toFixed(2));
}

/** The mean of a sum of fen over n paths, rounded once to the fen (ROUND_HALF_UP, like every amount). */
export function meanFen(sumFen: number, n: number): Money {
  if (n <= 0) return Money.zero();
  return Money.round(new Decimal(sumFen).dividedBy(n).dividedBy(100));
}
