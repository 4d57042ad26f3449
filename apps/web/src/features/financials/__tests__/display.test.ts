import { endedQuarters } from '../financials.graphql';
import { ratioPercent } from '../../reports/reportDisplay';

describe('quarters a statement can be given for (Art 22)', () => {
  it('lists the ended quarters, newest first, across a year end', () => {
    expect(endedQuarters('2026-11-27', 5)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3']);
    expect(endedQuarters('2026-01-01', 2)).toEqual(['2025-Q4', '2025-Q3']);
    expect(endedQuarters('2026-03-31', 1)).toEqual(['2025-Q4']);
    expect(endedQuarters('2026-04-01', 1)).toEqual(['2026-Q1']);
  });
});

describe('ratios as percent without floating point', () => {
  it('writes the four decimals the API sends as a percentage with two', () => {
    expect(ratioPercent('0.0523')).toBe('5.23%');
    expect(ratioPercent('0.0000')).toBe('0.00%');
    expect(ratioPercent('1.0000')).toBe('100.00%');
    expect(ratioPercent('0.0805')).toBe('8.05%');
    expect(ratioPercent('n/a')).toBe('n/a');
  });
});
