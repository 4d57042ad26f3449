import { daysBetween, type IsoDate } from './dates';
import type { PolicyParameters } from './policy';
import { PolicyError, reason, type PolicyReason } from './reasons';

/** A loan's repayment state: the earliest unpaid due date (null: nothing due and unpaid) or days already counted. */
export type OverdueFact =
  { readonly earliestUnpaidDueDate: IsoDate | null } | { readonly overdueDays: number };

/** R3: calendar days from the earliest unpaid due date to `asOf` (business dates); 0 when nothing is overdue. */
export function overdueDays(earliestUnpaidDueDate: IsoDate | null | undefined, asOf: IsoDate): number {
  if (earliestUnpaidDueDate == null) return 0;
  return Math.max(0, daysBetween(earliestUnpaidDueDate, asOf));
}

export function resolveOverdueDays(fact: OverdueFact, asOf: IsoDate): number {
  if ('earliestUnpaidDueDate' in fact) return overdueDays(fact.earliestUnpaidDueDate, asOf);
  if (!Number.isInteger(fact.overdueDays) || fact.overdueDays < 0) {
    throw new PolicyError(
      'INVALID_OVERDUE_DAYS',
      `Overdue days must be a whole number ≥ 0, got ${fact.overdueDays}`,
    );
  }
  return fact.overdueDays;
}

export interface OverdueAssessment {
  readonly days: number;
  /** ≥ riskOverdueDays: counts in the bank's risk ratio (Art 12). */
  readonly countsForRiskRatio: boolean;
  /** ≥ claimOverdueDays: a claim may be filed (Art 17). */
  readonly claimable: boolean;
  readonly reasons: readonly PolicyReason[];
}

export function assessOverdue(fact: OverdueFact, asOf: IsoDate, policy: PolicyParameters): OverdueAssessment {
  const days = resolveOverdueDays(fact, asOf);
  const risk = policy.riskOverdueDays;
  const claim = policy.claimOverdueDays;
  const countsForRiskRatio = days >= risk.value;
  const claimable = days >= claim.value;
  return {
    days,
    countsForRiskRatio,
    claimable,
    reasons: [
      reason(
        risk.article,
        countsForRiskRatio ? 'RISK_OVERDUE' : 'BELOW_RISK_OVERDUE',
        `${days} days overdue ${countsForRiskRatio ? '≥' : '<'} ${risk.value} (risk ratio) as of ${asOf}`,
      ),
      reason(
        claim.article,
        claimable ? 'CLAIM_OVERDUE_REACHED' : 'CLAIM_OVERDUE_NOT_REACHED',
        `${days} days overdue ${claimable ? '≥' : '<'} ${claim.value} (claim) as of ${asOf}`,
      ),
    ],
  };
}
