import fc from 'fast-check';
import { addDays, type IsoDate } from '@ipfund/policy';
import { dayNumber, dayToIso, monthsBetween, monthsBetweenDays } from '..';

describe('dates as day numbers (the portfolio in columns)', () => {
  const day = fc.integer({ min: -40_000, max: 80_000 });

  test('a day number and its date both ways', () => {
    fc.assert(
      fc.property(day, (d) => {
        expect(dayNumber(dayToIso(d))).toBe(d);
      }),
    );
    expect(dayNumber('1970-01-01' as IsoDate)).toBe(0);
    expect(dayToIso(dayNumber('2024-02-29' as IsoDate) + 1)).toBe('2024-03-01');
  });

  test('months between two day numbers equal monthsBetween of their dates', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -2_000, max: 2_000 }), (d, delta) => {
        const from = dayToIso(d);
        const to = addDays(from, delta);
        expect(monthsBetweenDays(d, d + delta)).toBe(monthsBetween(from, to));
      }),
      { numRuns: 5000 },
    );
    // Month ends: 31 January + 1 month is 28/29 February.
    const jan31 = dayNumber('2025-01-31' as IsoDate);
    expect(monthsBetweenDays(jan31, dayNumber('2025-02-28' as IsoDate))).toBe(1);
    expect(monthsBetweenDays(jan31, dayNumber('2025-02-27' as IsoDate))).toBe(0);
  });
});
