import { CLAIMABLE_OVERDUE_DAYS } from '../loans/loanDisplay';
import type { ClaimableLoanCandidate } from './claims.graphql';

/** A loan with a claim open or paid, or closed, cannot get another claim (one claim per loan, Art 11). */
const NOT_CLAIMABLE_STATUSES: readonly string[] = ['IN_CLAIM', 'COMPENSATED', 'CLOSED'];

/**
 * R6.2 (Art 17): the loans a bank may file a claim on — covered (R2) and at least 60 days overdue
 * (60 included), with no claim already open or paid. The API checks again on submission.
 */
export function claimableLoans<T extends Pick<ClaimableLoanCandidate, 'covered' | 'overdueDays' | 'status'>>(
  loans: readonly T[],
): T[] {
  return loans.filter(
    (loan) =>
      loan.covered &&
      loan.overdueDays >= CLAIMABLE_OVERDUE_DAYS &&
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
