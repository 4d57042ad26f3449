import Decimal from 'decimal.js';
import { Money, PolicyError, Rate } from '../index';

describe('Money', () => {
  it('parses yuan strings and always prints two decimals', () => {
    expect(Money.of('600000').toString()).toBe('600000.00');
    expect(Money.of('12.5').toString()).toBe('12.50');
    expect(Money.of('1500000.00').toString()).toBe('1500000.00');
    expect(Money.of('-3.10').toString()).toBe('-3.10');
    expect(Money.zero().toString()).toBe('0.00');
    expect(JSON.stringify({ a: Money.of('1') })).toBe('{"a":"1.00"}');
  });

  it.each(['NaN', 'Infinity', '-Infinity', '1e6', '', ' 1', '1.001', '0.005', 'abc', '1,000'])(
    'refuses "%s"',
    (bad) => {
      expect(() => Money.of(bad)).toThrow(PolicyError);
    },
  );

  it('refuses non-finite Decimals and more than two decimals from a Decimal', () => {
    expect(() => Money.of(new Decimal(NaN))).toThrow(PolicyError);
    expect(() => Money.of(new Decimal(Infinity))).toThrow(PolicyError);
    expect(() => Money.of(new Decimal('0.125'))).toThrow(/at most two decimals/);
    expect(Money.of(new Decimal('0.12')).toString()).toBe('0.12');
  });

  it('times rounds once, half up (四舍五入)', () => {
    expect(Money.of('0.05').times(Rate.of('0.30')).toString()).toBe('0.02'); // 0.015 → 0.02
    expect(Money.of('0.01').times(Rate.of('0.40')).toString()).toBe('0.00'); // 0.004 → 0.00
    expect(Money.of('0.01').times(Rate.of('0.50')).toString()).toBe('0.01'); // 0.005 → 0.01
    expect(Money.of('-0.05').times(Rate.of('0.30')).toString()).toBe('-0.02');
    expect(Money.of('2000000.00').times(Rate.of('0.30')).toString()).toBe('600000.00');
  });

  it('timesRatio computes exactly, then rounds once', () => {
    // 1,000,000 × 1 ÷ 3 = 333,333.333… → 333,333.33; rounding twice through 333,333.3333 would agree, but
    // 0.01 × 2 ÷ 3 = 0.00666… → 0.01 shows there is no truncation before the rounding.
    expect(Money.of('1000000.00').timesRatio(Money.of('1.00'), Money.of('3.00')).toString()).toBe(
      '333333.33',
    );
    expect(Money.of('0.01').timesRatio(Money.of('2.00'), Money.of('3.00')).toString()).toBe('0.01');
    // 100.00 × 0.01 ÷ 0.40 = 2.5 exactly.
    expect(Money.of('100.00').timesRatio(Money.of('0.01'), Money.of('0.40')).toString()).toBe('2.50');
    expect(() => Money.of('1').timesRatio(Money.of('1'), Money.zero())).toThrow(PolicyError);
  });

  it('is exact where floating point is not', () => {
    expect(Money.of('0.10').plus(Money.of('0.20')).toString()).toBe('0.30');
    expect(Money.of('9999999999999999.99').plus(Money.of('0.01')).toString()).toBe('10000000000000000.00');
  });

  it('compares, picks min/max and is immutable', () => {
    const a = Money.of('1.00');
    const b = Money.of('2.00');
    expect(a.lt(b) && b.gte(a) && a.cmp(b) === -1 && b.cmp(a) === 1 && a.cmp(Money.of('1')) === 0).toBe(true);
    expect(a.min(b)).toBe(a);
    expect(a.max(b)).toBe(b);
    expect(a.minus(b).isNegative()).toBe(true);
    expect(Money.of('0.00').isZero() && !Money.of('0.00').isNegative()).toBe(true);
    expect(Object.isFrozen(a)).toBe(true);
    a.plus(b);
    expect(a.toString()).toBe('1.00');
    expect(Money.sum([a, b, Money.of('0.01')]).toString()).toBe('3.01');
  });

  it('round() is the explicit single rounding of a computed Decimal', () => {
    expect(Money.round(new Decimal('1.005')).toString()).toBe('1.01');
    expect(Money.round(new Decimal('1.0049999')).toString()).toBe('1.00');
  });
});

describe('Rate', () => {
  it('parses and prints', () => {
    expect(Rate.of('0.3').toString()).toBe('0.30');
    expect(Rate.of('0.305').toString()).toBe('0.305');
    expect(Rate.of('0.30').toPercentString()).toBe('30%');
    expect(Rate.of('0.125').toPercentString()).toBe('12.5%');
    expect(Rate.of('0.30').plus(Rate.of('0.70')).eq(Rate.one())).toBe(true);
    expect(() => Rate.of('NaN')).toThrow(PolicyError);
    expect(() => Rate.of('30%')).toThrow(PolicyError);
  });
});
