import fc from 'fast-check';
import {
  JIANGBEI_2024,
  Money,
  Rate,
  computeCompensation,
  computeRemittance,
  type CooperationAgreement,
} from '@ipfund/policy';
import { capForEnterpriseYear, claimTerms, remittanceFen, toFen, fromFen } from '..';

const fen = (min: number, max: number) => fc.integer({ min, max });
const rate = (lo: number, hi: number) =>
  fc.integer({ min: lo, max: hi }).map((x) => Rate.of((x / 100).toFixed(2)));

/** A loan and agreement the measures allow (Art 11, 14): f ≤ the tier cap, g ≥ 40 %, f + g ≤ 100 %. */
const loanArb = fc
  .record({
    principalFen: fen(1, 2_000_000_000),
    ipShare: fc.integer({ min: 1, max: 1000 }),
    outShare: fc.integer({ min: 0, max: 1000 }),
    threeParty: fc.boolean(),
    fLow: fc.option(rate(1, 30), { nil: undefined }),
    fHigh: fc.option(rate(1, 20), { nil: undefined }),
    g: rate(40, 70),
  })
  .map((r) => {
    const principal = fromFen(r.principalFen);
    const ip = fromFen(Math.max(1, Math.floor((r.principalFen * r.ipShare) / 1000)));
    const out = fromFen(Math.floor((r.principalFen * r.outShare) / 1000));
    const agreement: CooperationAgreement = {
      effectiveFrom: '2024-04-07',
      fundRateLowTier: r.fLow,
      fundRateHighTier: r.fHigh,
      guarantorRate: r.threeParty ? r.g : undefined,
    };
    return {
      principal,
      ipPledgedPrincipal: ip,
      outstandingPrincipal: out,
      threeParty: r.threeParty,
      agreement,
    };
  });

describe('the path computes claims exactly as the policy functions (R5, R8)', () => {
  test('F in the path (precomputed terms, enterprise-year cap in fen) equals computeCompensation for any amount already compensated', () => {
    fc.assert(
      fc.property(loanArb, fen(0, 200_000_000), (loan, usedFen) => {
        const terms = claimTerms(loan, JIANGBEI_2024);
        const inPath = capForEnterpriseYear(
          terms.fundShareFen,
          toFen(JIANGBEI_2024.perEnterpriseYearCap.value),
          usedFen,
        );
        const real = computeCompensation(
          { ...loan, enterpriseYearCompensatedSoFar: fromFen(usedFen) },
          JIANGBEI_2024,
        );
        expect(inPath).toBe(toFen(real.fundShare));
        expect(terms.lossBaseFen).toBe(toFen(real.lossBase));
        expect(terms.guarantorShareFen).toBe(toFen(real.guarantorShare));
      }),
      { numRuns: 500 },
    );
  });

  test('the remittance in the path equals computeRemittance (R × F ÷ B, capped at F less what is owed)', () => {
    fc.assert(
      fc.property(
        fen(1, 2_000_000_000),
        fen(0, 1000),
        fen(0, 2_000_000_000),
        fen(0, 1000),
        (bFen, fShare, rFen, owedShare) => {
          const fFen = Math.floor((bFen * fShare) / 1000);
          const owed = Math.floor((fFen * owedShare) / 1000);
          const real = computeRemittance(
            {
              recovered: fromFen(rFen),
              receivedOn: '2026-03-01',
              fundShare: fromFen(fFen),
              lossBase: fromFen(bFen),
              owedSoFar: fromFen(owed),
            },
            JIANGBEI_2024,
          );
          expect(remittanceFen(rFen, fFen, bFen, owed)).toBe(toFen(real.amountOwed));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('fen conversions are exact both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }), (x) => {
        expect(toFen(fromFen(x))).toBe(x);
      }),
    );
    expect(toFen(Money.of('1500000.00'))).toBe(150_000_000);
    expect(fromFen(5).toString()).toBe('0.05');
  });
});
