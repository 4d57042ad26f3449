// Both sides of every threshold, as DOMAIN.md reads them (以上/达到 include the number; Art 11 puts 5,000,000 in the high tier).
import {
  JIANGBEI_2024 as P,
  addDays,
  assessOverdue,
  bankRiskRatio,
  circuitBreaker,
  claimEligibility,
  computeCompensation,
  computeRemittance,
  isRemittanceOverdue,
  validateAgreement,
} from '../index';
import { JIANGBEI_AGREEMENT, m, r } from './fixtures';

const asOf = '2025-06-30';

describe('overdue days: risk ≥ 15 (Art 12), claim ≥ 60 (Art 17)', () => {
  it.each([
    [14, false],
    [15, true],
  ])('%i days counts for the risk ratio: %s', (days, counts) => {
    const a = assessOverdue({ earliestUnpaidDueDate: addDays(asOf, -days) }, asOf, P);
    expect(a.days).toBe(days);
    expect(a.countsForRiskRatio).toBe(counts);
    const ratio = bankRiskRatio(
      [{ ipPledgedPrincipal: m('1000000.00'), covered: true, earliestUnpaidDueDate: addDays(asOf, -days) }],
      asOf,
      P,
    );
    expect(ratio.numerator.toString()).toBe(counts ? '1000000.00' : '0.00');
  });

  it.each([
    [59, false],
    [60, true],
  ])('%i days: claim eligible %s', (days, eligible) => {
    const e = claimEligibility(
      { covered: true, overdue: { earliestUnpaidDueDate: addDays(asOf, -days) }, asOf, fundSuspended: false },
      P,
    );
    expect(e.eligible).toBe(eligible);
    expect(assessOverdue({ earliestUnpaidDueDate: addDays(asOf, -days) }, asOf, P).claimable).toBe(eligible);
  });
});

describe('tier boundary: IP-pledged principal < 5,000,000 → 30 %, = 5,000,000 → 20 % (Art 11)', () => {
  const comp = (ip: string) =>
    computeCompensation(
      {
        principal: m(ip),
        ipPledgedPrincipal: m(ip),
        outstandingPrincipal: m('1000000.00'),
        threeParty: false,
        agreement: JIANGBEI_AGREEMENT,
        enterpriseYearCompensatedSoFar: m('0'),
      },
      P,
    );
  it('4,999,999.99 → low tier, 30 %, F 300,000.00', () => {
    const c = comp('4999999.99');
    expect(c.tier).toBe('LOW');
    expect(c.tierCapRate.toString()).toBe('0.30');
    expect(c.fundShare.toString()).toBe('300000.00');
  });
  it('5,000,000.00 → high tier, 20 %, F 200,000.00', () => {
    const c = comp('5000000.00');
    expect(c.tier).toBe('HIGH');
    expect(c.tierCapRate.toString()).toBe('0.20');
    expect(c.fundShare.toString()).toBe('200000.00');
  });
});

describe('per-loan cap 1,500,000 and enterprise-year cap 1,500,000 (Art 11)', () => {
  const comp = (outstanding: string, soFar = '0') =>
    computeCompensation(
      {
        principal: m('8000000.00'),
        ipPledgedPrincipal: m('8000000.00'),
        outstandingPrincipal: m(outstanding),
        threeParty: false,
        agreement: JIANGBEI_AGREEMENT,
        enterpriseYearCompensatedSoFar: m(soFar),
      },
      P,
    );
  it('F0 exactly 1,500,000.00 is not cut; 1,500,000.20 is', () => {
    const at = comp('7500000.00');
    expect(at.fundShare.toString()).toBe('1500000.00');
    expect(at.limitedBy).toBe('TIER_RATE');
    const over = comp('7500001.00');
    expect(over.fundShareBeforeCaps.toString()).toBe('1500000.20');
    expect(over.fundShare.toString()).toBe('1500000.00');
    expect(over.limitedBy).toBe('PER_LOAN_CAP');
  });
  it('enterprise remainder 0.01 pays 0.01; remainder 0 pays nothing and is not approvable', () => {
    const one = comp('1000000.00', '1499999.99');
    expect(one.fundShare.toString()).toBe('0.01');
    expect(one.approvable).toBe(true);
    const none = comp('1000000.00', '1500000.00');
    expect(none.fundShare.toString()).toBe('0.00');
    expect(none.approvable).toBe(false);
    expect(none.limitedBy).toBe('ENTERPRISE_YEAR_CAP');
    expect(none.bankShare.toString()).toBe('1000000.00');
  });
});

describe('risk ratio: ≥ 5 % warning, ≥ 8 % suspension proposed (Art 12)', () => {
  const level = (overdue: string) =>
    bankRiskRatio(
      [
        { ipPledgedPrincipal: m(overdue), covered: true, overdueDays: 20 },
        { ipPledgedPrincipal: m('100000000.00').minus(m(overdue)), covered: true, overdueDays: 0 },
      ],
      asOf,
      P,
    ).level;
  it('4,999,999.99 none / 5,000,000.00 warning', () => {
    expect(level('4999999.99')).toBe('NONE');
    expect(level('5000000.00')).toBe('WARNING');
  });
  it('7,999,999.99 warning / 8,000,000.00 suspension proposed', () => {
    expect(level('7999999.99')).toBe('WARNING');
    expect(level('8000000.00')).toBe('SUSPENSION_PROPOSED');
  });
  it('compares exactly, not after rounding the product to the fen', () => {
    // 5 % of 100,000,000.01 is 5,000,000.0005: 5,000,000.00 is just below it.
    const ratio = bankRiskRatio(
      [
        { ipPledgedPrincipal: m('5000000.00'), covered: true, overdueDays: 20 },
        { ipPledgedPrincipal: m('95000000.01'), covered: true, overdueDays: 0 },
      ],
      asOf,
      P,
    );
    expect(ratio.level).toBe('NONE');
  });
});

describe('circuit breaker: cumulative ≥ 6,000,000 (Art 19)', () => {
  it('5,999,999.99 after the approval: still open; the next approval is allowed', () => {
    const a = circuitBreaker({ cumulativeBefore: m('5000000.00'), claimFundShare: m('999999.99') }, P);
    expect(a.cumulativeAfter.toString()).toBe('5999999.99');
    expect(a.suspendedAfter).toBe(false);
    expect(
      circuitBreaker({ cumulativeBefore: a.cumulativeAfter, claimFundShare: m('1.00') }, P)
        .finalApprovalAllowed,
    ).toBe(true);
  });
  it('6,000,000.00 after the approval: honoured, then suspended', () => {
    const a = circuitBreaker({ cumulativeBefore: m('5000000.00'), claimFundShare: m('1000000.00') }, P);
    expect(a.finalApprovalAllowed).toBe(true);
    expect(a.cumulativeAfter.toString()).toBe('6000000.00');
    expect(a.suspendedAfter).toBe(true);
    expect(a.crossesThreshold).toBe(true);
    expect(
      circuitBreaker({ cumulativeBefore: a.cumulativeAfter, claimFundShare: m('1.00') }, P)
        .finalApprovalAllowed,
    ).toBe(false);
  });
});

describe('guarantor rate ≥ 40 % (Art 14)', () => {
  it('0.3999 refused, 0.40 accepted', () => {
    expect(validateAgreement({ ...JIANGBEI_AGREEMENT, guarantorRate: r('0.3999') }, P)).toEqual([
      expect.objectContaining({ article: 'Art 14', code: 'GUARANTOR_RATE_BELOW_MINIMUM' }),
    ]);
    expect(validateAgreement({ ...JIANGBEI_AGREEMENT, guarantorRate: r('0.40') }, P)).toEqual([]);
  });
});

describe('remittance within 30 days (Art 18)', () => {
  it('due on day 30 is on time; day 31 is overdue', () => {
    const { dueOn } = computeRemittance(
      { recovered: m('100.00'), receivedOn: '2025-01-31', fundShare: m('30.00'), lossBase: m('100.00') },
      P,
    );
    expect(dueOn).toBe('2025-03-02');
    expect(isRemittanceOverdue(dueOn, '2025-03-02')).toBe(false);
    expect(isRemittanceOverdue(dueOn, '2025-03-03')).toBe(true);
    expect(isRemittanceOverdue(dueOn, '2025-03-03', true)).toBe(false);
  });
});
