import {
  PolicyError,
  addDays,
  businessDateInShanghai,
  compareDates,
  daysBetween,
  isIsoDate,
  toIsoDate,
  yearOf,
} from '../index';

describe('dates (calendar days, Asia/Shanghai)', () => {
  it('takes the Shanghai calendar day of an instant, whatever the host time zone', () => {
    expect(businessDateInShanghai(new Date('2025-03-01T15:59:59.999Z'))).toBe('2025-03-01');
    expect(businessDateInShanghai(new Date('2025-03-01T16:00:00.000Z'))).toBe('2025-03-02');
    expect(businessDateInShanghai(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(businessDateInShanghai(new Date('1970-01-01T00:00:00Z'))).toBe('1970-01-01');
    expect(businessDateInShanghai(new Date('1969-12-31T15:59:59Z'))).toBe('1969-12-31');
    expect(() => businessDateInShanghai(new Date('nope'))).toThrow(PolicyError);
  });

  it('adds days across months, leap years and years', () => {
    expect(addDays('2025-03-01', 30)).toBe('2025-03-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(() => addDays('2025-01-01', 1.5)).toThrow(PolicyError);
  });

  it('counts days between', () => {
    expect(daysBetween('2025-03-01', '2025-03-31')).toBe(30);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-03-31', '2025-03-01')).toBe(-30);
    expect(compareDates('2025-01-02', '2025-01-10')).toBe(-1);
    expect(yearOf('2025-12-31')).toBe(2025);
  });

  it('validates ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('2025-01-01T00:00:00Z')).toBe(false);
    expect(toIsoDate('2025-06-30')).toBe('2025-06-30');
    expect(() => toIsoDate('30/06/2025')).toThrow(PolicyError);
  });
});
