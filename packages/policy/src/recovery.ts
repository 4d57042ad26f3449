import { addDays, compareDates, type IsoDate } from './dates';
import { Money } from './money';
import type { PolicyParameters } from './policy';
import { PolicyError, reason, type PolicyReason } from './reasons';

export interface RemittanceInput {
  /** R: amount the bank recovered (disposal of the pledge, debt pursuit). */
  readonly recovered: Money;
  /** d: business date the bank received it. */
  readonly receivedOn: IsoDate;
  /** F paid on the claim. */
  readonly fundShare: Money;
  /** B of the claim. */
  readonly lossBase: Money;
  /** Σ amounts already owed on earlier recoveries of the same claim (the fund never gets back more than F). */
  readonly owedSoFar?: Money;
}

export interface RemittanceResult {
  /** R × F ÷ B, rounded once; capped so the total owed never exceeds F. */
  readonly amountOwed: Money;
  /** d + remittance days (inclusive: remitting on this day is on time). */
  readonly dueOn: IsoDate;
  readonly reasons: readonly PolicyReason[];
}

/** R8: what the bank owes the fund from a recovery, and by when (Art 18 in Jiangbei). */
export function computeRemittance(input: RemittanceInput, policy: PolicyParameters): RemittanceResult {
  const article = policy.provisions.recovery.article;
  const { recovered, fundShare, lossBase } = input;
  const owedSoFar = input.owedSoFar ?? Money.zero();
  if (!lossBase.isPositive())
    throw new PolicyError('INVALID_RECOVERY', 'Loss base must be positive', article);
  if (fundShare.isNegative() || fundShare.gt(lossBase)) {
    throw new PolicyError('INVALID_RECOVERY', `Fund share must be in [0, ${lossBase.toString()}]`, article);
  }
  if (recovered.isNegative() || owedSoFar.isNegative()) {
    throw new PolicyError('INVALID_RECOVERY', 'Recovered amounts must not be negative', article);
  }

  const proportional = recovered.timesRatio(fundShare, lossBase);
  const room = fundShare.minus(owedSoFar).max(Money.zero());
  const amountOwed = proportional.min(room);
  const days = policy.remittanceDays;
  const dueOn = addDays(input.receivedOn, days.value);
  const reasons: PolicyReason[] = [
    reason(
      article,
      'PROPORTIONAL_REMITTANCE',
      `R × F ÷ B = ${recovered.toString()} × ${fundShare.toString()} ÷ ${lossBase.toString()} = ${proportional.toString()}`,
    ),
  ];
  if (amountOwed.lt(proportional)) {
    reasons.push(
      reason(
        article,
        'CAPPED_AT_FUND_SHARE',
        `Limited to ${amountOwed.toString()}: the fund recovers at most its share ${fundShare.toString()}`,
      ),
    );
  }
  reasons.push(reason(days.article, 'REMITTANCE_DUE', `Due within ${days.value} days: by ${dueOn}`));
  return { amountOwed, dueOn, reasons };
}

/** Flag for the manager (R8): not remitted and the due date has passed. */
export function isRemittanceOverdue(dueOn: IsoDate, asOf: IsoDate, remitted = false): boolean {
  return !remitted && compareDates(asOf, dueOn) > 0;
}
