// The same rules under a second, fictitious district policy: every number and article comes from the policy
// object, so the results follow the other numbers (and differ from Jiangbei's for the same inputs).
import {
  JIANGBEI_2024,
  addDays,
  bankRiskRatio,
  circuitBreaker,
  claimEligibility,
  computeCompensation,
  computeRemittance,
  loanCoverage,
  nextClaimState,
  validateAgreement,
  type ClaimSnapshot,
  type CompensationInput,
  type LoanCoverageInput,
} from '../index';
import { OTHER_DISTRICT_2025 as O, m, r } from './fixtures';

const agreement = { effectiveFrom: '2025-07-01' as const, guarantorRate: r('0.50') };
const comp = (over: Partial<CompensationInput>, policy = O) =>
  computeCompensation(
    {
      principal: m('4000000.00'),
      ipPledgedPrincipal: m('4000000.00'),
      outstandingPrincipal: m('4000000.00'),
      threeParty: true,
      agreement,
      enterpriseYearCompensatedSoFar: m('0'),
      ...over,
    },
    policy,
  );

describe('a second district policy (other numbers, effective 2025-07-01)', () => {
  it('tiers at 3,000,000 with caps 25 % / 15 %, guarantor 50 %', () => {
    const low = comp({
      principal: m('2999999.99'),
      ipPledgedPrincipal: m('2999999.99'),
      outstandingPrincipal: m('2000000.00'),
    });
    expect([
      low.tier,
      low.fundShare.toString(),
      low.guarantorShare.toString(),
      low.bankShare.toString(),
    ]).toEqual(['LOW', '500000.00', '1000000.00', '500000.00']);
    const high = comp({});
    expect([
      high.tier,
      high.fundShare.toString(),
      high.guarantorShare.toString(),
      high.bankShare.toString(),
    ]).toEqual(['HIGH', '600000.00', '2000000.00', '1400000.00']);
    expect(high.reasons).toContainEqual(expect.objectContaining({ code: 'HIGH_TIER', article: 'Art 9' }));
    // Same loan under Jiangbei: 4,000,000 is the low tier there (30 %).
    const jb = comp({ agreement: { effectiveFrom: '2024-04-07', guarantorRate: r('0.50') } }, JIANGBEI_2024);
    expect([jb.tier, jb.fundShare.toString()]).toEqual(['LOW', '1200000.00']);
  });

  it('caps each loan at 1,000,000 and each enterprise-year at 1,200,000', () => {
    const perLoan = comp({
      principal: m('8000000.00'),
      ipPledgedPrincipal: m('8000000.00'),
      outstandingPrincipal: m('8000000.00'),
    });
    expect([perLoan.fundShareBeforeCaps.toString(), perLoan.fundShare.toString(), perLoan.limitedBy]).toEqual(
      ['1200000.00', '1000000.00', 'PER_LOAN_CAP'],
    );
    const year = comp({ enterpriseYearCompensatedSoFar: m('1000000.00') });
    expect([year.fundShare.toString(), year.limitedBy]).toEqual(['200000.00', 'ENTERPRISE_YEAR_CAP']);
    expect(year.reasons).toContainEqual(
      expect.objectContaining({ code: 'ENTERPRISE_YEAR_CAP', article: 'Art 10' }),
    );
  });

  it('validates agreements against its own caps and minimum, citing its articles', () => {
    expect(
      validateAgreement({ ...agreement, guarantorRate: r('0.45') }, O).map((v) => `${v.article}:${v.code}`),
    ).toEqual(['Art 12:GUARANTOR_RATE_BELOW_MINIMUM']);
    expect(
      validateAgreement({ ...agreement, fundRateLowTier: r('0.26') }, O).map((v) => `${v.article}:${v.code}`),
    ).toEqual(['Art 9:FUND_RATE_ABOVE_TIER_CAP']);
    expect(validateAgreement({ ...agreement, guarantorRate: r('0.45') }, JIANGBEI_2024)).toEqual([]);
  });

  it('claims from 90 days overdue; risk counts from 30 days', () => {
    const asOf = '2025-09-30';
    const eligible = (days: number) =>
      claimEligibility(
        {
          covered: true,
          overdue: { earliestUnpaidDueDate: addDays(asOf, -days) },
          asOf,
          fundSuspended: false,
        },
        O,
      );
    expect([eligible(89).eligible, eligible(90).eligible]).toEqual([false, true]);
    expect(eligible(89).reasons).toContainEqual(
      expect.objectContaining({ article: 'Art 15', code: 'NOT_OVERDUE_ENOUGH' }),
    );
    const numerator = (days: number) =>
      bankRiskRatio(
        [{ ipPledgedPrincipal: m('1.00'), covered: true, overdueDays: days }],
        asOf,
        O,
      ).numerator.toString();
    expect([numerator(29), numerator(30)]).toEqual(['0.00', '1.00']);
    expect(numerator(15)).toBe('0.00'); // would count under Jiangbei
  });

  it('warns at 4 % and proposes suspension at 10 %', () => {
    const level = (overdue: string) =>
      bankRiskRatio(
        [
          { ipPledgedPrincipal: m(overdue), covered: true, overdueDays: 30 },
          { ipPledgedPrincipal: m('100000000.00').minus(m(overdue)), covered: true, overdueDays: 0 },
        ],
        '2025-09-30',
        O,
      ).level;
    expect([level('3999999.99'), level('4000000.00'), level('9999999.99'), level('10000000.00')]).toEqual([
      'NONE',
      'WARNING',
      'WARNING',
      'SUSPENSION_PROPOSED',
    ]);
  });

  it('suspends at a cumulative 4,000,000 (Art 18 there)', () => {
    const open = circuitBreaker({ cumulativeBefore: m('3000000.00'), claimFundShare: m('999999.99') }, O);
    expect([open.cumulativeAfter.toString(), open.suspendedAfter]).toEqual(['3999999.99', false]);
    const crossing = circuitBreaker(
      { cumulativeBefore: m('3000000.00'), claimFundShare: m('1000000.00') },
      O,
    );
    expect(crossing.suspendedAfter).toBe(true);
    const held = circuitBreaker({ cumulativeBefore: m('4000000.00'), claimFundShare: m('1.00') }, O);
    expect(held.finalApprovalAllowed).toBe(false);
    expect(held.reasons[0].article).toBe('Art 18');
  });

  it('wants recoveries back within 15 days', () => {
    const x = computeRemittance(
      {
        recovered: m('1000000.00'),
        receivedOn: '2025-03-01',
        fundShare: m('600000.00'),
        lossBase: m('2000000.00'),
      },
      O,
    );
    expect([x.amountOwed.toString(), x.dueOn]).toEqual(['300000.00', '2025-03-16']);
    expect(x.reasons).toContainEqual(expect.objectContaining({ article: 'Art 16', code: 'REMITTANCE_DUE' }));
  });

  it('covers only patents and only R&D / working-capital loans', () => {
    const base: LoanCoverageInput = {
      principal: m('1000000.00'),
      ipPledgedPrincipal: m('1000000.00'),
      collateral: [{ kind: 'TRADEMARK', pledgedByBorrower: true }],
      purpose: 'TECH_UPGRADE',
      issuedOn: '2025-08-01',
      bankIsPartner: true,
      bankSuspensions: [],
    };
    const x = loanCoverage(base, O);
    expect(x.covered).toBe(false);
    expect(x.reasons.map((r) => `${r.article}:${r.code}`)).toEqual([
      'Art 2:NO_IP_COLLATERAL',
      'Art 11:PURPOSE_FORBIDDEN',
    ]);
    expect(loanCoverage(base, JIANGBEI_2024).covered).toBe(true);
  });

  it('needs only its two co-signing offices', () => {
    const verified: ClaimSnapshot = {
      state: 'VERIFIED',
      threeParty: false,
      guarantorConfirmed: false,
      approvals: ['IP_BUREAU'],
    };
    expect(
      nextClaimState(verified, 'APPROVE', 'FINANCIAL_OFFICE', { fundSuspended: false }, O),
    ).toMatchObject({
      ok: false,
      code: 'ACTOR_NOT_ALLOWED',
      article: 'Art 15',
    });
    expect(nextClaimState(verified, 'APPROVE', 'FINANCE_BUREAU', { fundSuspended: false }, O)).toMatchObject({
      ok: true,
      finalApproval: true,
      next: { state: 'APPROVED' },
    });
    expect(
      nextClaimState(verified, 'APPROVE', 'FINANCE_BUREAU', { fundSuspended: false }, JIANGBEI_2024),
    ).toMatchObject({
      ok: true,
      finalApproval: false,
      next: { state: 'VERIFIED' },
    });
  });
});
