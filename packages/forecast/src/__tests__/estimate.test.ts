import fc from 'fast-check';
import { JIANGBEI_2024, addDays, type IsoDate } from '@ipfund/policy';
import {
  DEFAULT_ASSUMPTIONS,
  addMonths,
  estimateTransitions,
  estimateTransitionsColumns,
  historyColumns,
  syntheticHistory,
  type LoanHistory,
} from '..';

const AS_OF = '2026-11-30' as IsoDate;

/** Any history: reports on any day (several on one day too), due dates before or after, closings, claims. */
const historyArb: fc.Arbitrary<LoanHistory> = fc
  .record({
    segment: fc.constantFrom('A|IP_ONLY|GUARANTEED', 'A|COMBINATION|UNGUARANTEED', 'B|IP_ONLY|UNGUARANTEED'),
    issuedBack: fc.integer({ min: -40, max: 1400 }),
    claimBack: fc.option(fc.integer({ min: -10, max: 1400 }), { nil: null }),
    reports: fc.array(
      fc.record({
        back: fc.integer({ min: -30, max: 1400 }),
        due: fc.option(fc.integer({ min: -200, max: 30 }), { nil: null }),
        closed: fc.boolean(),
      }),
      { maxLength: 8 },
    ),
  })
  .map((r) => ({
    segment: r.segment,
    issuedOn: addDays(AS_OF, -r.issuedBack),
    claimFiledOn: r.claimBack === null ? null : addDays(AS_OF, -r.claimBack),
    reports: r.reports.map((x) => {
      const asOf = addDays(AS_OF, -x.back);
      return {
        asOf,
        earliestUnpaidDueDate: x.due === null ? null : addDays(asOf, x.due),
        closed: x.closed && x.due === null,
      };
    }),
  }));

describe('the transition counts over the history in columns (the API reads it so)', () => {
  test('equal estimateTransitions on any history', () => {
    fc.assert(
      fc.property(fc.array(historyArb, { maxLength: 30 }), (histories) => {
        const segments = ['C|IP_ONLY|UNGUARANTEED', ...new Set(histories.map((h) => h.segment))];
        expect(
          estimateTransitionsColumns(
            historyColumns(histories),
            AS_OF,
            JIANGBEI_2024,
            DEFAULT_ASSUMPTIONS,
            segments,
          ),
        ).toEqual(estimateTransitions(histories, AS_OF, JIANGBEI_2024, DEFAULT_ASSUMPTIONS, segments));
      }),
      { numRuns: 300 },
    );
  });

  test('equal estimateTransitions on a synthetic history with known rates', () => {
    const histories = syntheticHistory(
      ['S1', 'S2'],
      400,
      30,
      addMonths(AS_OF, 0),
      { toOverdue: 0.05, toClaim: 0.3, cure: 0.4 },
      3,
    );
    const cols = estimateTransitionsColumns(
      historyColumns(histories),
      AS_OF,
      JIANGBEI_2024,
      DEFAULT_ASSUMPTIONS,
    );
    expect(cols).toEqual(estimateTransitions(histories, AS_OF, JIANGBEI_2024, DEFAULT_ASSUMPTIONS));
    expect(cols.get('S1')!.toOverdue.exposures).toBeGreaterThan(1000);
  });
});
