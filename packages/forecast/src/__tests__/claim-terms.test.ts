import fc from 'fast-check';
import {
  JIANGBEI_2024,
  Money,
  Rate,
  computeCompensation,
  computeRemittance,
  type CooperationAgreement,
} from '@ipfund/policy';
import {
  capForEnterpriseYear,
  claimRules,
  claimTerms,
  claimTermsFen,
  mulDivHalfUp,
  rateFraction,
  remittanceFen,
  timesRateFen,
  toFen,
  fromFen,
} from '..';

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

  /** Rates with up to four decimals (any the measures allow or refuse), amounts up to 10^12 fen. */
  const anyRate = (lo: number, hi: number) =>
    fc.integer({ min: lo, max: hi }).map((x) => Rate.of((x / 10_000).toFixed(4)));
  const wideArb = fc.record({
    principalFen: fc.oneof(fen(1, 100_000), fen(1, 1_000_000_000_000)),
    ipShare: fc.integer({ min: -5, max: 1005 }),
    outShare: fc.integer({ min: -5, max: 1005 }),
    threeParty: fc.boolean(),
    fLow: fc.option(anyRate(1, 3500), { nil: undefined }),
    fHigh: fc.option(anyRate(1, 2500), { nil: undefined }),
    g: fc.option(anyRate(3000, 9000), { nil: undefined }),
    threshold: fc.oneof(fc.constant(JIANGBEI_2024.tierThreshold.value), fen(1, 100_000_000).map(fromFen)),
  });

  test('claim terms in integer fen equal computeCompensation (B, F before the year cap, G), and refuse what it refuses', () => {
    fc.assert(
      fc.property(wideArb, (r) => {
        const policy = {
          ...JIANGBEI_2024,
          tierThreshold: { ...JIANGBEI_2024.tierThreshold, value: r.threshold },
        };
        const p = r.principalFen;
        const ipFen = Math.floor((p * r.ipShare) / 1000);
        const outFen = Math.floor((p * r.outShare) / 1000);
        const agreement: CooperationAgreement = {
          effectiveFrom: '2024-04-07',
          fundRateLowTier: r.fLow,
          fundRateHighTier: r.fHigh,
          guarantorRate: r.g,
        };
        const fast = claimTermsFen(
          {
            principalFen: p,
            ipPledgedPrincipalFen: ipFen,
            outstandingPrincipalFen: outFen,
            threeParty: r.threeParty,
          },
          claimRules(agreement, policy),
        );
        let real: ReturnType<typeof computeCompensation> | null = null;
        try {
          real = computeCompensation(
            {
              principal: fromFen(p),
              ipPledgedPrincipal: fromFen(ipFen),
              outstandingPrincipal: fromFen(outFen),
              threeParty: r.threeParty,
              agreement,
              enterpriseYearCompensatedSoFar: Money.zero(),
            },
            policy,
          );
        } catch {
          real = null;
        }
        if (!real) {
          expect(fast).toBeNull();
          return;
        }
        expect(fast).toEqual({
          lossBaseFen: toFen(real.lossBase),
          fundShareFen: toFen(real.fundShare),
          guarantorShareFen: toFen(real.guarantorShare),
        });
        // And the table the path uses equals the one `claimTerms` (decimal) gives.
        expect(fast).toEqual(
          claimTerms(
            {
              principal: fromFen(p),
              ipPledgedPrincipal: fromFen(ipFen),
              outstandingPrincipal: fromFen(outFen),
              threeParty: r.threeParty,
              agreement,
            },
            policy,
          ),
        );
      }),
      { numRuns: 3000 },
    );
  });

  test('the loans the path generates (the policy allows them) take the integer path every time', () => {
    fc.assert(
      fc.property(loanArb, (loan) => {
        const fast = claimTermsFen(
          {
            principalFen: toFen(loan.principal),
            ipPledgedPrincipalFen: toFen(loan.ipPledgedPrincipal),
            outstandingPrincipalFen: toFen(loan.outstandingPrincipal),
            threeParty: loan.threeParty,
          },
          claimRules(loan.agreement, JIANGBEI_2024),
        );
        expect(fast).toEqual(claimTerms(loan, JIANGBEI_2024));
      }),
      { numRuns: 1000 },
    );
  });

  test('round(a × b ÷ d) half up in doubles equals the exact BigInt quotient, on both sides of 2^51', () => {
    const big = fc.oneof(fc.integer({ min: 0, max: 2 ** 26 }), fc.integer({ min: 0, max: 2 ** 53 - 1 }));
    fc.assert(
      fc.property(big, big, fc.integer({ min: 1, max: 2 ** 53 - 1 }), (a, b, d) => {
        const exact = (2n * BigInt(a) * BigInt(b) + BigInt(d)) / (2n * BigInt(d));
        expect(mulDivHalfUp(a, b, d)).toBe(Number(exact));
      }),
      { numRuns: 3000 },
    );
    // Halves round up: 5 × 1 ÷ 2 = 2.5 → 3, and a quotient just below a whole number stays below it.
    expect(mulDivHalfUp(5, 1, 2)).toBe(3);
    expect(mulDivHalfUp(2 ** 40 - 1, 3, 2 ** 12)).toBe(Number((2n * (2n ** 40n - 1n) * 3n + 4096n) / 8192n));
  });

  test('a rate as an exact fraction; fen × rate rounds half up like Money.times', () => {
    expect(rateFraction(Rate.of('0.30'))).toEqual({ numerator: 30n, denominator: 100n });
    expect(rateFraction(Rate.of('0.125'))).toEqual({ numerator: 125n, denominator: 1000n });
    fc.assert(
      fc.property(fen(0, 2 ** 53 - 1), anyRate(0, 10_000), (f, rate) => {
        expect(timesRateFen(f, rateFraction(rate))).toBe(toFen(fromFen(f).times(rate)));
      }),
      { numRuns: 1000 },
    );
  });
});
