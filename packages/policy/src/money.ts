import Decimal from 'decimal.js';
import { PolicyError } from './reasons';

/**
 * Private Decimal configuration: 四舍五入 (ROUND_HALF_UP) and enough significant digits that a quotient of two
 * numeric(18,2) amounts is exact far past the fen before the single rounding to 0.01 (DOMAIN §3).
 */
const Dec = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -64, toExpPos: 64 });

/** Plain decimal notation only: no exponent, no spaces, no NaN/Infinity. */
const DECIMAL_TEXT = /^[+-]?\d+(\.\d+)?$/;

function parseDecimal(value: string | Decimal, what: string): Decimal {
  if (typeof value === 'string') {
    if (!DECIMAL_TEXT.test(value)) {
      throw new PolicyError('INVALID_DECIMAL', `${what} must be a plain decimal string, got "${value}"`);
    }
    return new Dec(value);
  }
  if (!Decimal.isDecimal(value) || !value.isFinite()) {
    throw new PolicyError('INVALID_DECIMAL', `${what} must be a finite decimal, got ${String(value)}`);
  }
  return new Dec(value);
}

/** Round once to the fen, ROUND_HALF_UP. */
function toFen(value: Decimal): Decimal {
  return new Dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** A rate or ratio such as "0.30" (30 %), held exactly. Range checks belong to the validators. */
export class Rate {
  private readonly d: Decimal;

  private constructor(d: Decimal) {
    this.d = d;
    Object.freeze(this);
  }

  /** Parse "0.30" or a Decimal; refuses NaN, Infinity and exponent notation. */
  static of(value: string | Decimal): Rate {
    return new Rate(parseDecimal(value, 'Rate'));
  }

  static zero(): Rate {
    return new Rate(new Dec(0));
  }

  static one(): Rate {
    return new Rate(new Dec(1));
  }

  toDecimal(): Decimal {
    return this.d;
  }

  plus(other: Rate): Rate {
    return new Rate(this.d.plus(other.d));
  }

  cmp(other: Rate): number {
    return this.d.cmp(other.d);
  }

  eq(other: Rate): boolean {
    return this.d.eq(other.d);
  }

  gt(other: Rate): boolean {
    return this.d.gt(other.d);
  }

  gte(other: Rate): boolean {
    return this.d.gte(other.d);
  }

  lt(other: Rate): boolean {
    return this.d.lt(other.d);
  }

  lte(other: Rate): boolean {
    return this.d.lte(other.d);
  }

  isPositive(): boolean {
    return this.d.gt(0);
  }

  /** At least two decimals: "0.30", "0.305". */
  toString(): string {
    return this.d.toFixed(Math.max(2, this.d.decimalPlaces()));
  }

  /** "30%", "12.5%". */
  toPercentString(): string {
    return `${this.d.times(100).toFixed()}%`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/**
 * CNY yuan with exactly two decimals (分). Immutable; never touches a JS number.
 * Every computed amount is rounded once, ROUND_HALF_UP, to 0.01.
 */
export class Money {
  private readonly d: Decimal;

  private constructor(d: Decimal) {
    this.d = d;
    Object.freeze(this);
  }

  /** Parse "1500000.00", "12.5" or a Decimal. Refuses NaN, Infinity, exponents and more than two decimals. */
  static of(value: string | Decimal): Money {
    const d = parseDecimal(value, 'Money');
    if (d.decimalPlaces() > 2) {
      throw new PolicyError(
        'INVALID_MONEY',
        `Money has at most two decimals (fen), got "${value.toString()}"; round explicitly with Money.round`,
      );
    }
    return new Money(d);
  }

  /** The one rounding step for a computed amount: ROUND_HALF_UP to 0.01. */
  static round(value: Decimal): Money {
    if (!Decimal.isDecimal(value) || !value.isFinite()) {
      throw new PolicyError('INVALID_DECIMAL', `Money.round needs a finite decimal, got ${String(value)}`);
    }
    return new Money(toFen(value));
  }

  static zero(): Money {
    return new Money(new Dec(0));
  }

  /** Sum of amounts (exact: fen plus fen is fen). */
  static sum(amounts: readonly Money[]): Money {
    return amounts.reduce((acc, m) => acc.plus(m), Money.zero());
  }

  plus(other: Money): Money {
    return new Money(this.d.plus(other.d));
  }

  minus(other: Money): Money {
    return new Money(this.d.minus(other.d));
  }

  /** this × rate, rounded once to 0.01 HALF_UP. */
  times(rate: Rate | Decimal): Money {
    const r = rate instanceof Rate ? rate.toDecimal() : parseDecimal(rate, 'Rate');
    return new Money(toFen(this.d.times(r)));
  }

  /** this × numerator ÷ denominator, computed exactly then rounded once (B = O × IP ÷ P; R × F ÷ B). */
  timesRatio(numerator: Money, denominator: Money): Money {
    if (denominator.isZero()) {
      throw new PolicyError('DIVISION_BY_ZERO', 'Cannot take a ratio over a zero amount');
    }
    return new Money(toFen(this.d.times(numerator.d).dividedBy(denominator.d)));
  }

  /** Exact ratio this ÷ other (not rounded), e.g. a risk ratio. */
  ratioTo(other: Money): Decimal {
    if (other.isZero()) {
      throw new PolicyError('DIVISION_BY_ZERO', 'Cannot take a ratio over a zero amount');
    }
    return this.d.dividedBy(other.d);
  }

  min(other: Money): Money {
    return this.lte(other) ? this : other;
  }

  max(other: Money): Money {
    return this.gte(other) ? this : other;
  }

  cmp(other: Money): number {
    return this.d.cmp(other.d);
  }

  eq(other: Money): boolean {
    return this.d.eq(other.d);
  }

  gt(other: Money): boolean {
    return this.d.gt(other.d);
  }

  gte(other: Money): boolean {
    return this.d.gte(other.d);
  }

  lt(other: Money): boolean {
    return this.d.lt(other.d);
  }

  lte(other: Money): boolean {
    return this.d.lte(other.d);
  }

  isZero(): boolean {
    return this.d.isZero();
  }

  isNegative(): boolean {
    return this.d.isNegative() && !this.d.isZero();
  }

  isPositive(): boolean {
    return this.d.gt(0);
  }

  /** Always two decimals: "600000.00". */
  toString(): string {
    return this.d.toFixed(2);
  }

  toJSON(): string {
    return this.toString();
  }

  toDecimal(): Decimal {
    return this.d;
  }
}
