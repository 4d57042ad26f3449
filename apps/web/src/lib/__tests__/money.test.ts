import { formatWan, formatYuan } from '../money';

describe('formatYuan', () => {
  it('groups thousands and keeps the two decimals as sent', () => {
    expect(formatYuan('1500000.00')).toBe('¥1,500,000.00');
    expect(formatYuan('10000000.00')).toBe('¥10,000,000.00');
    expect(formatYuan('6000000.01')).toBe('¥6,000,000.01');
  });

  it('does not group amounts under one thousand', () => {
    expect(formatYuan('0.00')).toBe('¥0.00');
    expect(formatYuan('0.01')).toBe('¥0.01');
    expect(formatYuan('999.99')).toBe('¥999.99');
    expect(formatYuan('1000.00')).toBe('¥1,000.00');
  });

  it('puts the minus sign before the currency symbol', () => {
    expect(formatYuan('-1500000.00')).toBe('-¥1,500,000.00');
    expect(formatYuan('-0.50')).toBe('-¥0.50');
  });

  it('drops the sign of a zero amount and an explicit plus', () => {
    expect(formatYuan('-0.00')).toBe('¥0.00');
    expect(formatYuan('+12.30')).toBe('¥12.30');
  });

  it('pads missing decimals', () => {
    expect(formatYuan('1500000')).toBe('¥1,500,000.00');
    expect(formatYuan('1500000.')).toBe('¥1,500,000.00');
    expect(formatYuan('2500.5')).toBe('¥2,500.50');
    expect(formatYuan('.5')).toBe('¥0.50');
  });

  it('keeps extra decimals instead of rounding them', () => {
    expect(formatYuan('1234.565')).toBe('¥1,234.565');
  });

  it('strips leading zeros and surrounding whitespace', () => {
    expect(formatYuan('0001234.00')).toBe('¥1,234.00');
    expect(formatYuan(' 42.00 ')).toBe('¥42.00');
  });

  it('is exact beyond the range of JS numbers', () => {
    expect(formatYuan('12345678901234567890.12')).toBe('¥12,345,678,901,234,567,890.12');
  });

  it('returns anything that is not a plain decimal unchanged', () => {
    expect(formatYuan('')).toBe('');
    expect(formatYuan('-')).toBe('-');
    expect(formatYuan('.')).toBe('.');
    expect(formatYuan('abc')).toBe('abc');
    expect(formatYuan('1e6')).toBe('1e6');
    expect(formatYuan('1,500.00')).toBe('1,500.00');
  });
});

describe('formatWan (round amounts of the measures)', () => {
  it('writes whole 万 yuan the way the measures do', () => {
    expect(formatWan('5000000.00')).toBe('500万');
    expect(formatWan('1500000.00')).toBe('150万');
    expect(formatWan('60000000')).toBe('6000万');
    expect(formatWan('10000.00')).toBe('1万');
  });

  it('formats anything else as yuan', () => {
    expect(formatWan('1500000.50')).toBe('¥1,500,000.50');
    expect(formatWan('1234567.00')).toBe('¥1,234,567.00');
    expect(formatWan('9000.00')).toBe('¥9,000.00');
    expect(formatWan('n/a')).toBe('n/a');
  });

  it('keeps 万 for Chinese (the default) and writes yuan in English', () => {
    expect(formatWan('5000000.00', 'zh-CN')).toBe('500万');
    expect(formatWan('5000000.00', 'en')).toBe('¥5,000,000.00');
    expect(formatWan('1500000.50', 'en')).toBe('¥1,500,000.50');
  });
});
