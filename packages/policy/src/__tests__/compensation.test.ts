import {
  JIANGBEI_2024 as P,
  PolicyError,
  computeCompensation,
  sumEnterpriseYearCompensation,
  type CompensationInput,
} from '../index';
import { JIANGBEI_AGREEMENT, m, r } from './fixtures';

const input = (over: Partial<CompensationInput>): CompensationInput => ({
  principal: m('3000000.00'),
  ipPledgedPrincipal: m('3000000.00'),
  outstandingPrincipal: m('2000000.00'),
  threeParty: false,
  agreement: JIANGBEI_AGREEMENT,
  enterpriseYearCompensatedSoFar: m('0'),
  ...over,
});

describe('R5 compensation', () => {
  it('rounds B once after the exact product and quotient', () => {
    // 1,000,000.00 × 1,000,000.00 ÷ 3,000,000.00 = 333,333.333… → 333,333.33
    const c = computeCompensation(
      input({
        principal: m('3000000.00'),
        ipPledgedPrincipal: m('1000000.00'),
        outstandingPrincipal: m('1000000.00'),
      }),
      P,
    );
    expect(c.lossBase.toString()).toBe('333333.33');
    expect(c.fundShare.toString()).toBe('100000.00'); // 333,333.33 × 30 % = 99,999.999 → 100,000.00
    expect(c.bankShare.toString()).toBe('233333.33');
  });

  it('uses the agreed rate when below the cap (limitedBy NONE) and the cap otherwise (TIER_RATE)', () => {
    const below = computeCompensation(
      input({ agreement: { ...JIANGBEI_AGREEMENT, fundRateLowTier: r('0.25') } }),
      P,
    );
    expect([below.fundRate.toString(), below.fundShare.toString(), below.limitedBy]).toEqual([
      '0.25',
      '500000.00',
      'NONE',
    ]);
    const silent = computeCompensation(input({ agreement: { effectiveFrom: '2024-04-07' } }), P);
    expect([silent.fundRate.toString(), silent.fundShare.toString(), silent.limitedBy]).toEqual([
      '0.30',
      '600000.00',
      'TIER_RATE',
    ]);
  });

  it('reports the enterprise-year cap when it binds after the per-loan cap', () => {
    const c = computeCompensation(
      input({
        principal: m('8000000.00'),
        ipPledgedPrincipal: m('8000000.00'),
        outstandingPrincipal: m('8000000.00'),
        enterpriseYearCompensatedSoFar: m('100000.00'),
      }),
      P,
    );
    expect([
      c.fundShareBeforeCaps.toString(),
      c.fundShareAfterLoanCap.toString(),
      c.fundShare.toString(),
    ]).toEqual(['1600000.00', '1500000.00', '1400000.00']);
    expect(c.limitedBy).toBe('ENTERPRISE_YEAR_CAP');
    expect(
      c.reasons.filter((x) => x.code === 'PER_LOAN_CAP' || x.code === 'ENTERPRISE_YEAR_CAP'),
    ).toHaveLength(2);
  });

  it('a fully repaid outstanding gives nothing to compensate', () => {
    const c = computeCompensation(input({ outstandingPrincipal: m('0') }), P);
    expect(c.approvable).toBe(false);
    expect(c.reasons).toContainEqual(
      expect.objectContaining({ code: 'NOTHING_TO_COMPENSATE', article: 'Art 11' }),
    );
  });

  it('takes the fen off the fund when rounding both shares up would exceed B (f + g = 100 %)', () => {
    // B = 0.05: F0 = 0.015 → 0.02, G = 0.035 → 0.04; 0.06 > 0.05, so F = 0.01.
    const c = computeCompensation(
      input({
        principal: m('0.05'),
        ipPledgedPrincipal: m('0.05'),
        outstandingPrincipal: m('0.05'),
        threeParty: true,
        agreement: { ...JIANGBEI_AGREEMENT, guarantorRate: r('0.70') },
      }),
      P,
    );
    expect([c.fundShare.toString(), c.guarantorShare.toString(), c.bankShare.toString()]).toEqual([
      '0.01',
      '0.04',
      '0.00',
    ]);
    expect(c.reasons).toContainEqual(expect.objectContaining({ code: 'FEN_ROUNDING_ADJUSTMENT' }));
  });

  it('refuses an inconsistent agreement or impossible amounts with a typed error naming the article', () => {
    const run = (over: Partial<CompensationInput>) => () => computeCompensation(input(over), P);
    expect(run({ agreement: { ...JIANGBEI_AGREEMENT, fundRateLowTier: r('0.35') } })).toThrow(
      expect.objectContaining({ name: 'PolicyError', code: 'INVALID_AGREEMENT', article: 'Art 11' }),
    );
    expect(run({ threeParty: true, agreement: { effectiveFrom: '2024-04-07' } })).toThrow(
      expect.objectContaining({ code: 'GUARANTOR_RATE_MISSING', article: 'Art 14' }),
    );
    expect(run({ outstandingPrincipal: m('3000000.01') })).toThrow(PolicyError);
    expect(run({ ipPledgedPrincipal: m('3000000.01') })).toThrow(PolicyError);
  });

  it('sums an enterprise’s compensation by calendar year of final approval', () => {
    const entries = [
      { fundShare: m('600000.00'), finalApprovedOn: '2024-12-31' as const },
      { fundShare: m('500000.00'), finalApprovedOn: '2025-01-01' as const },
      { fundShare: m('700000.00'), finalApprovedOn: '2025-12-31' as const },
    ];
    expect(sumEnterpriseYearCompensation(entries, 2025).toString()).toBe('1200000.00');
    expect(sumEnterpriseYearCompensation(entries, 2024).toString()).toBe('600000.00');
  });
});
