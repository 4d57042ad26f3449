// DOMAIN.md §4: every worked example, with the expected figures copied from the table.
import {
  JIANGBEI_2024 as P,
  addDays,
  bankRiskRatio,
  circuitBreaker,
  claimEligibility,
  computeCompensation,
  computeRemittance,
  draftClaim,
  nextClaimState,
  type ClaimSnapshot,
} from '../index';
import { JIANGBEI_AGREEMENT, m, r } from './fixtures';

describe('DOMAIN.md worked examples', () => {
  it('E1: pure IP 3,000,000 three-party f 30 % g 40 %, outstanding 2,000,000, 75 days overdue → B 2,000,000.00, F 600,000.00, G 800,000.00, K 600,000.00', () => {
    const eligibility = claimEligibility(
      { covered: true, overdue: { overdueDays: 75 }, asOf: '2025-06-01', fundSuspended: false },
      P,
    );
    expect(eligibility.eligible).toBe(true);

    const c = computeCompensation(
      {
        principal: m('3000000.00'),
        ipPledgedPrincipal: m('3000000.00'),
        outstandingPrincipal: m('2000000.00'),
        threeParty: true,
        agreement: { ...JIANGBEI_AGREEMENT, fundRateLowTier: r('0.30'), guarantorRate: r('0.40') },
        enterpriseYearCompensatedSoFar: m('0'),
      },
      P,
    );
    expect(c.lossBase.toString()).toBe('2000000.00');
    expect(c.tier).toBe('LOW');
    expect(c.fundShare.toString()).toBe('600000.00');
    expect(c.guarantorShare.toString()).toBe('800000.00');
    expect(c.bankShare.toString()).toBe('600000.00');
    expect(c.approvable).toBe(true);
  });

  it('E2: pure IP 8,000,000 f 20 % g 40 %, outstanding 8,000,000 → F0 1,600,000.00, F 1,500,000.00 (per-loan cap), G 3,200,000.00, K 3,300,000.00', () => {
    const c = computeCompensation(
      {
        principal: m('8000000.00'),
        ipPledgedPrincipal: m('8000000.00'),
        outstandingPrincipal: m('8000000.00'),
        threeParty: true,
        agreement: { ...JIANGBEI_AGREEMENT, fundRateHighTier: r('0.20'), guarantorRate: r('0.40') },
        enterpriseYearCompensatedSoFar: m('0'),
      },
      P,
    );
    expect(c.tier).toBe('HIGH');
    expect(c.fundShareBeforeCaps.toString()).toBe('1600000.00');
    expect(c.fundShare.toString()).toBe('1500000.00');
    expect(c.limitedBy).toBe('PER_LOAN_CAP');
    expect(c.reasons).toContainEqual(expect.objectContaining({ code: 'PER_LOAN_CAP', article: 'Art 11' }));
    expect(c.guarantorShare.toString()).toBe('3200000.00');
    expect(c.bankShare.toString()).toBe('3300000.00');
  });

  it('E3: combination 6,000,000 with IP part 4,000,000, two-party f 30 %, outstanding 3,000,000 → B 2,000,000.00, 30 % tier, F 600,000.00, K 1,400,000.00', () => {
    const c = computeCompensation(
      {
        principal: m('6000000.00'),
        ipPledgedPrincipal: m('4000000.00'),
        outstandingPrincipal: m('3000000.00'),
        threeParty: false,
        agreement: { effectiveFrom: '2024-04-07', fundRateLowTier: r('0.30') },
        enterpriseYearCompensatedSoFar: m('0'),
      },
      P,
    );
    expect(c.lossBase.toString()).toBe('2000000.00');
    expect(c.tier).toBe('LOW');
    expect(c.tierCapRate.toString()).toBe('0.30');
    expect(c.fundShare.toString()).toBe('600000.00');
    expect(c.guarantorShare.toString()).toBe('0.00');
    expect(c.bankShare.toString()).toBe('1400000.00');
  });

  it('E4: enterprise already compensated 1,200,000.00 this year, new claim F1 600,000.00 → F 300,000.00 (enterprise-year cap)', () => {
    const c = computeCompensation(
      {
        principal: m('3000000.00'),
        ipPledgedPrincipal: m('3000000.00'),
        outstandingPrincipal: m('2000000.00'),
        threeParty: false,
        agreement: JIANGBEI_AGREEMENT,
        enterpriseYearCompensatedSoFar: m('1200000.00'),
      },
      P,
    );
    expect(c.fundShareAfterLoanCap.toString()).toBe('600000.00');
    expect(c.fundShare.toString()).toBe('300000.00');
    expect(c.limitedBy).toBe('ENTERPRISE_YEAR_CAP');
    expect(c.reasons).toContainEqual(
      expect.objectContaining({ code: 'ENTERPRISE_YEAR_CAP', article: 'Art 11' }),
    );
    expect(c.bankShare.toString()).toBe('1700000.00');
  });

  it('E5: 59 days overdue → claim refused (Art 17); at 60 days accepted', () => {
    const asOf = '2025-06-01';
    const at = (days: number) =>
      claimEligibility(
        {
          covered: true,
          overdue: { earliestUnpaidDueDate: addDays(asOf, -days) },
          asOf,
          fundSuspended: false,
        },
        P,
      );
    const refused = at(59);
    expect(refused.eligible).toBe(false);
    expect(refused.overdueDays).toBe(59);
    expect(refused.reasons).toContainEqual(
      expect.objectContaining({ article: 'Art 17', code: 'NOT_OVERDUE_ENOUGH' }),
    );
    const submit59 = nextClaimState(
      draftClaim(false),
      'SUBMIT',
      'LENDING_BANK',
      { fundSuspended: false, eligibility: refused },
      P,
    );
    expect(submit59).toMatchObject({ ok: false, code: 'CLAIM_NOT_ELIGIBLE', article: 'Art 17' });

    const accepted = at(60);
    expect(accepted.eligible).toBe(true);
    const submit60 = nextClaimState(
      draftClaim(false),
      'SUBMIT',
      'LENDING_BANK',
      { fundSuspended: false, eligibility: accepted },
      P,
    );
    expect(submit60).toMatchObject({ ok: true, next: { state: 'SUBMITTED' } });
  });

  it('E6: cumulative 5,900,000.00, claim F 500,000.00 finally approved → honoured, cumulative 6,400,000.00, fund suspended, next final approval refused (Art 19)', () => {
    const crossing = circuitBreaker({ cumulativeBefore: m('5900000.00'), claimFundShare: m('500000.00') }, P);
    expect(crossing.finalApprovalAllowed).toBe(true);
    expect(crossing.cumulativeAfter.toString()).toBe('6400000.00');
    expect(crossing.suspendedAfter).toBe(true);

    const next = circuitBreaker(
      { cumulativeBefore: crossing.cumulativeAfter, claimFundShare: m('100000.00') },
      P,
    );
    expect(next.finalApprovalAllowed).toBe(false);
    expect(next.cumulativeAfter.toString()).toBe('6400000.00');
    expect(next.reasons).toContainEqual(
      expect.objectContaining({ article: 'Art 19', code: 'FUND_SUSPENDED' }),
    );

    // In the state machine: the next claim's last signature — its final approval — is refused and waits.
    const twoSigned: ClaimSnapshot = {
      state: 'VERIFIED',
      threeParty: false,
      guarantorConfirmed: false,
      approvals: ['IP_BUREAU', 'FINANCE_BUREAU'],
    };
    const third = nextClaimState(twoSigned, 'APPROVE', 'FINANCIAL_OFFICE', { fundSuspended: true }, P);
    expect(third).toMatchObject({ ok: false, code: 'FUND_SUSPENDED', article: 'Art 19' });
  });

  it('E7: claim B 2,000,000.00 F 600,000.00, bank recovers 1,000,000.00 on 2025-03-01 → owes 300,000.00 by 2025-03-31', () => {
    const rem = computeRemittance(
      {
        recovered: m('1000000.00'),
        receivedOn: '2025-03-01',
        fundShare: m('600000.00'),
        lossBase: m('2000000.00'),
      },
      P,
    );
    expect(rem.amountOwed.toString()).toBe('300000.00');
    expect(rem.dueOn).toBe('2025-03-31');
    expect(rem.reasons).toContainEqual(expect.objectContaining({ article: 'Art 18' }));
  });

  it('E8: bank issued 100,000,000.00; 15+ day overdue loans 4,999,999.99 / 5,000,000.00 / 8,000,000.00 → none / warning / suspension proposed', () => {
    const asOf = '2025-06-01';
    const level = (overdueAmount: string) =>
      bankRiskRatio(
        [
          { ipPledgedPrincipal: m(overdueAmount), covered: true, overdueDays: 15 },
          {
            ipPledgedPrincipal: m('100000000.00').minus(m(overdueAmount)),
            covered: true,
            earliestUnpaidDueDate: null,
          },
        ],
        asOf,
        P,
      );
    const none = level('4999999.99');
    expect(none.denominator.toString()).toBe('100000000.00');
    expect(none.ratio.toString()).toBe('0.0499999999');
    expect(none.level).toBe('NONE');
    const warning = level('5000000.00');
    expect(warning.level).toBe('WARNING');
    expect(warning.reasons).toContainEqual(
      expect.objectContaining({ article: 'Art 12', code: 'WARNING_RATIO_REACHED' }),
    );
    expect(level('8000000.00').level).toBe('SUSPENSION_PROPOSED');
  });
});
