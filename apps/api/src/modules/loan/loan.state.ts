import type { PolicyParameters } from '@ipfund/policy';
import type { Operation } from '@ipfund/shared';
import { LoanStatus, type LoanType } from './loan.types';

/**
 * Which loan operations the loan's state allows now (who may is the operations table's business).
 * Mirrors the use cases' own refusals, so a button is shown only when the action can succeed.
 */
export function loanActionsInState(
  loan: Pick<LoanType, 'status' | 'covered' | 'overdueDays' | 'acknowledgedAt' | 'guarantor'>,
  policy: PolicyParameters,
): Operation[] {
  const open = loan.status === LoanStatus.ACTIVE || loan.status === LoanStatus.OVERDUE;
  const ops: Operation[] = [];
  // Art 12, 16: status is reported on a loan that is neither closed nor in a claim.
  if (open) ops.push('loan.reportStatus');
  // Art 14: the guarantor of a three-party loan acknowledges it once.
  if (loan.guarantor && !loan.acknowledgedAt) ops.push('loan.acknowledge');
  // Art 16: an early warning on a loan that is not closed.
  if (loan.status !== LoanStatus.CLOSED) ops.push('risk.reportEvent');
  // Art 17: a covered loan overdue for the claim threshold, with no claim open or paid.
  if (open && loan.covered && loan.overdueDays >= policy.claimOverdueDays.value) ops.push('claim.submit');
  return ops;
}
