import { can } from '../../app/access';
import type { ClaimableLoanCandidate } from './claims.graphql';

/** A loan with a claim open or paid, or closed, cannot get another claim (one claim per loan, Art 11). */
const NOT_CLAIMABLE_STATUSES: readonly string[] = ['IN_CLAIM', 'COMPENSATED', 'CLOSED'];

/**
 * R6.2: the loans the caller may file a claim on — `claim.submit` in the loan's `viewerCan`, covered
 * (R2), at least the policy's `claimOverdueDays` overdue (included), with no claim already open or
 * paid. The API checks again on submission.
 */
export function claimableLoans<
  T extends Pick<ClaimableLoanCandidate, 'covered' | 'overdueDays' | 'status' | 'viewerCan'>,
>(loans: readonly T[], claimOverdueDays: number): T[] {
  return loans.filter(
    (loan) =>
      can(loan, 'claim.submit') &&
      loan.covered &&
      loan.overdueDays >= claimOverdueDays &&
      !NOT_CLAIMABLE_STATUSES.includes(loan.status),
  );
}

/** What the Decimal scalar accepts: ≥ 0, at most 16 integer digits and 2 decimals (numeric(18,2)). */
const DECIMAL_INPUT = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;

/** A positive yuan amount as typed ("300000", "300000.5", "300000.50"); checked as text, never as a number. */
export function isPositiveAmountInput(input: string): boolean {
  const s = input.trim();
  return DECIMAL_INPUT.test(s) && /[1-9]/.test(s);
}
