import type { LoanStatus } from '../../../gql/graphql';
import { claimableLoans, isPositiveAmountInput } from '../claimable';

const loan = (
  id: string,
  overdueDays: number,
  covered = true,
  status: LoanStatus = 'OVERDUE',
  viewerCan: string[] = ['claim.submit'],
) => ({ id, overdueDays, covered, status, viewerCan });

describe('claimableLoans (R6.2)', () => {
  it("offers covered loans from the policy's claim days overdue, the threshold included (E5)", () => {
    const loans = [loan('59', 59), loan('60', 60), loan('400', 400)];
    expect(claimableLoans(loans, 60).map((l) => l.id)).toEqual(['60', '400']);
  });

  it('follows the threshold it is given, not a fixed 60', () => {
    const loans = [loan('60', 60), loan('89', 89), loan('90', 90)];
    expect(claimableLoans(loans, 90).map((l) => l.id)).toEqual(['90']);
    expect(claimableLoans(loans, 30).map((l) => l.id)).toEqual(['60', '89', '90']);
  });

  it("leaves out loans whose viewerCan lacks claim.submit (another bank's, or not the caller's to file)", () => {
    const loans = [
      loan('other', 90, true, 'OVERDUE', ['risk.reportEvent']),
      loan('none', 90, true, 'OVERDUE', []),
    ];
    expect(claimableLoans(loans, 60)).toEqual([]);
  });

  it('leaves out uncovered loans and loans already in claim, compensated or closed', () => {
    const loans = [
      loan('uncovered', 90, false),
      loan('in-claim', 90, true, 'IN_CLAIM'),
      loan('paid', 90, true, 'COMPENSATED'),
      loan('closed', 90, true, 'CLOSED'),
      loan('ok', 90, true, 'OVERDUE'),
    ];
    expect(claimableLoans(loans, 60).map((l) => l.id)).toEqual(['ok']);
  });
});

describe('isPositiveAmountInput', () => {
  it('accepts what the Decimal scalar accepts, above zero', () => {
    for (const s of ['1', '300000', '300000.5', '1000000.00', ' 0.01 ', '9999999999999999.99']) {
      expect(isPositiveAmountInput(s)).toBe(true);
    }
  });

  it('refuses zero, negatives, three decimals, separators and exponents', () => {
    for (const s of ['', '0', '0.00', '-1', '1.005', '1,000', '1e6', '01', '.5', '12345678901234567']) {
      expect(isPositiveAmountInput(s)).toBe(false);
    }
  });
});
