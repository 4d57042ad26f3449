import {
  JIANGBEI_2024 as P,
  assessOverdue,
  bankRiskRatio,
  overdueDays,
  resolveOverdueDays,
  PolicyError,
} from '../index';
import { m } from './fixtures';

describe('R3 overdue days', () => {
  it('counts calendar days from the earliest unpaid due date; 0 when nothing is due', () => {
    expect(overdueDays('2025-01-31', '2025-03-01')).toBe(29);
    expect(overdueDays('2025-03-01', '2025-03-01')).toBe(0);
    expect(overdueDays('2025-03-02', '2025-03-01')).toBe(0);
    expect(overdueDays(null, '2025-03-01')).toBe(0);
    expect(resolveOverdueDays({ overdueDays: 7 }, '2025-03-01')).toBe(7);
    expect(() => resolveOverdueDays({ overdueDays: -1 }, '2025-03-01')).toThrow(PolicyError);
  });
  it('cites the articles of both thresholds', () => {
    const a = assessOverdue({ overdueDays: 20 }, '2025-03-01', P);
    expect(a).toMatchObject({ days: 20, countsForRiskRatio: true, claimable: false });
    expect(a.reasons.map((x) => `${x.article}:${x.code}`)).toEqual([
      'Art 12:RISK_OVERDUE',
      'Art 17:CLAIM_OVERDUE_NOT_REACHED',
    ]);
  });
});

describe('R4 bank risk ratio', () => {
  const asOf = '2025-06-30';
  it('is 0 with no loans', () => {
    const x = bankRiskRatio([], asOf, P);
    expect([x.numerator.toString(), x.denominator.toString(), x.ratio.toString(), x.level]).toEqual([
      '0.00',
      '0.00',
      '0',
      'NONE',
    ]);
  });
  it('counts in-claim loans, ignores cured, closed and uncovered ones in the numerator, and keeps closed ones in the denominator', () => {
    const x = bankRiskRatio(
      [
        { ipPledgedPrincipal: m('1000000.00'), covered: true, overdueDays: 3, inClaim: true }, // counted: in claim
        { ipPledgedPrincipal: m('2000000.00'), covered: true, overdueDays: 40, cured: true }, // cured
        { ipPledgedPrincipal: m('3000000.00'), covered: true, overdueDays: 40, closed: true }, // closed
        { ipPledgedPrincipal: m('4000000.00'), covered: false, overdueDays: 40 }, // not covered: ignored
        { ipPledgedPrincipal: m('500000.00'), covered: true, earliestUnpaidDueDate: '2025-06-15' }, // 15 days
        { ipPledgedPrincipal: m('9000000.00'), covered: true, overdueDays: 90, issuedOn: '2025-07-01' }, // after asOf
        { ipPledgedPrincipal: m('3500000.00'), covered: true, earliestUnpaidDueDate: null },
      ],
      asOf,
      P,
    );
    expect(x.numerator.toString()).toBe('1500000.00');
    expect(x.denominator.toString()).toBe('10000000.00');
    expect(x.ratio.toString()).toBe('0.15');
    expect(x.level).toBe('SUSPENSION_PROPOSED');
    expect(x.reasons.map((r) => `${r.article}:${r.code}`)).toEqual([
      'Art 12:RISK_RATIO',
      'Art 12:SUSPENSION_RATIO_REACHED',
    ]);
  });
});
