import { yearOf, type IsoDate } from './dates';
import { Money, type Rate } from './money';
import {
  agreedFundRate,
  tierCapRate,
  tierOf,
  validateAgreement,
  type CooperationAgreement,
  type PolicyParameters,
  type Tier,
} from './policy';
import { PolicyError, reason, type PolicyReason } from './reasons';

export interface CompensationInput {
  readonly principal: Money;
  readonly ipPledgedPrincipal: Money;
  /** Outstanding principal O at claim time. */
  readonly outstandingPrincipal: Money;
  /** Fund + bank + guarantor (true) or fund + bank (false). */
  readonly threeParty: boolean;
  readonly agreement: CooperationAgreement;
  /**
   * Σ F already finally approved (paid or not) for the same enterprise whose final approval falls in the calendar
   * year in which this claim would be finally approved (see `sumEnterpriseYearCompensation`).
   */
  readonly enterpriseYearCompensatedSoFar: Money;
}

/**
 * The limit that determined F, checked from the last applied to the first:
 * ENTERPRISE_YEAR_CAP if the year remainder cut F1; else PER_LOAN_CAP if the per-loan cap cut F0;
 * else TIER_RATE if the agreed rate is the tier cap itself; else NONE (an agreed rate below the cap).
 */
export type CompensationLimit = 'NONE' | 'TIER_RATE' | 'PER_LOAN_CAP' | 'ENTERPRISE_YEAR_CAP';

export interface CompensationResult {
  /** B = O × ipPledgedPrincipal ÷ principal, rounded once. */
  readonly lossBase: Money;
  readonly tier: Tier;
  readonly tierCapRate: Rate;
  /** f: the agreement's rate for the tier (the cap when silent). */
  readonly fundRate: Rate;
  /** F0 = B × f. */
  readonly fundShareBeforeCaps: Money;
  /** F1 = min(F0, per-loan cap). */
  readonly fundShareAfterLoanCap: Money;
  /** max(0, per-enterprise-year cap − already compensated this year). */
  readonly enterpriseYearRemaining: Money;
  /** F = min(F1, enterpriseYearRemaining). */
  readonly fundShare: Money;
  /** g, or null on a two-party loan. */
  readonly guarantorRate: Rate | null;
  /** G = B × g, or 0. */
  readonly guarantorShare: Money;
  /** K = B − F − G. */
  readonly bankShare: Money;
  readonly limitedBy: CompensationLimit;
  /** F > 0; otherwise the claim cannot be approved. */
  readonly approvable: boolean;
  readonly reasons: readonly PolicyReason[];
}

function checkAmounts(input: CompensationInput, article: string): void {
  const { principal, ipPledgedPrincipal: ip, outstandingPrincipal: o } = input;
  const bad = (message: string) => new PolicyError('INVALID_LOAN_AMOUNTS', message, article);
  if (!principal.isPositive()) throw bad(`Principal ${principal.toString()} must be positive`);
  if (!ip.isPositive() || ip.gt(principal)) {
    throw bad(`IP-pledged principal ${ip.toString()} must be in (0, ${principal.toString()}]`);
  }
  if (o.isNegative() || o.gt(principal)) {
    throw bad(`Outstanding principal ${o.toString()} must be in [0, ${principal.toString()}]`);
  }
  if (input.enterpriseYearCompensatedSoFar.isNegative()) {
    throw bad('Compensation already approved this year cannot be negative');
  }
}

/** R5: how a principal loss is split between the fund, the guarantor and the bank (Art 11, 14 in Jiangbei). */
export function computeCompensation(input: CompensationInput, policy: PolicyParameters): CompensationResult {
  const sharing = policy.provisions.riskSharing.article;
  checkAmounts(input, sharing);
  const violations = validateAgreement(input.agreement, policy);
  if (violations.length > 0) {
    const first = violations[0];
    throw new PolicyError(
      'INVALID_AGREEMENT',
      `Cooperation agreement refused: ${first.message}`,
      first.article,
      violations,
    );
  }
  const reasons: PolicyReason[] = [];

  const lossBase = input.outstandingPrincipal.timesRatio(input.ipPledgedPrincipal, input.principal);
  reasons.push(
    reason(
      sharing,
      'LOSS_BASE',
      `B = outstanding ${input.outstandingPrincipal.toString()} × IP part ${input.ipPledgedPrincipal.toString()} ÷ principal ${input.principal.toString()} = ${lossBase.toString()}`,
    ),
  );

  const tier = tierOf(input.ipPledgedPrincipal, policy);
  const cap = tierCapRate(tier, policy);
  const threshold = policy.tierThreshold;
  reasons.push(
    reason(
      threshold.article,
      tier === 'LOW' ? 'LOW_TIER' : 'HIGH_TIER',
      `IP-pledged principal ${input.ipPledgedPrincipal.toString()} ${tier === 'LOW' ? '<' : '≥'} ${threshold.value.toString()}: fund share at most ${cap.value.toPercentString()}`,
    ),
  );

  const fundRate = agreedFundRate(input.agreement, tier, policy);
  const fundShareBeforeCaps = lossBase.times(fundRate);
  reasons.push(
    reason(
      cap.article,
      'FUND_RATE',
      `F0 = B × ${fundRate.toPercentString()} = ${fundShareBeforeCaps.toString()}${fundRate.eq(cap.value) ? ' (the tier cap)' : ' (agreed rate below the tier cap)'}`,
    ),
  );

  const loanCap = policy.perLoanCap;
  const fundShareAfterLoanCap = fundShareBeforeCaps.min(loanCap.value);
  if (fundShareAfterLoanCap.lt(fundShareBeforeCaps)) {
    reasons.push(
      reason(
        loanCap.article,
        'PER_LOAN_CAP',
        `Per-loan cap ${loanCap.value.toString()} reduces F0 ${fundShareBeforeCaps.toString()} to ${fundShareAfterLoanCap.toString()}`,
      ),
    );
  }

  const yearCap = policy.perEnterpriseYearCap;
  const enterpriseYearRemaining = yearCap.value.minus(input.enterpriseYearCompensatedSoFar).max(Money.zero());
  let fundShare = fundShareAfterLoanCap.min(enterpriseYearRemaining);
  if (fundShare.lt(fundShareAfterLoanCap)) {
    reasons.push(
      reason(
        yearCap.article,
        'ENTERPRISE_YEAR_CAP',
        `Enterprise-year cap ${yearCap.value.toString()} less ${input.enterpriseYearCompensatedSoFar.toString()} already compensated leaves ${enterpriseYearRemaining.toString()}; F = ${fundShare.toString()}`,
      ),
    );
  }

  const limitedBy: CompensationLimit = enterpriseYearRemaining.lt(fundShareAfterLoanCap)
    ? 'ENTERPRISE_YEAR_CAP'
    : fundShareAfterLoanCap.lt(fundShareBeforeCaps)
      ? 'PER_LOAN_CAP'
      : fundRate.eq(cap.value)
        ? 'TIER_RATE'
        : 'NONE';

  let guarantorRate: Rate | null = null;
  let guarantorShare = Money.zero();
  const guarantor = policy.minGuarantorRate;
  if (input.threeParty) {
    if (!input.agreement.guarantorRate) {
      throw new PolicyError(
        'GUARANTOR_RATE_MISSING',
        'A three-party loan needs the guarantor rate of the cooperation agreement',
        guarantor.article,
      );
    }
    guarantorRate = input.agreement.guarantorRate;
    guarantorShare = lossBase.times(guarantorRate);
    reasons.push(
      reason(
        guarantor.article,
        'GUARANTOR_SHARE',
        `G = B × ${guarantorRate.toPercentString()} = ${guarantorShare.toString()} (minimum ${guarantor.value.toPercentString()})`,
      ),
    );
  } else {
    reasons.push(reason(sharing, 'TWO_PARTY', 'Two-party loan: no guarantor share'));
  }

  // Rounding both shares up can exceed B by a fen when f + g is within a fen of 100 %; the fund's share is
  // "不高于" (at most) and the guarantor's "不低于" (at least), so the fen comes off the fund.
  if (fundShare.plus(guarantorShare).gt(lossBase)) {
    const adjusted = lossBase.minus(guarantorShare);
    reasons.push(
      reason(
        sharing,
        'FEN_ROUNDING_ADJUSTMENT',
        `F reduced from ${fundShare.toString()} to ${adjusted.toString()} so that F + G does not exceed B`,
      ),
    );
    fundShare = adjusted;
  }

  const bankShare = lossBase.minus(fundShare).minus(guarantorShare);
  reasons.push(reason(sharing, 'BANK_SHARE', `K = B − F − G = ${bankShare.toString()}`));

  const approvable = fundShare.isPositive();
  if (!approvable) {
    const [article, why] = lossBase.isZero()
      ? [sharing, 'there is no principal loss']
      : limitedBy === 'ENTERPRISE_YEAR_CAP'
        ? [yearCap.article, 'the enterprise-year cap is used up']
        : [cap.article, 'the fund share rounds to zero'];
    reasons.push(reason(article, 'NOTHING_TO_COMPENSATE', `F = 0: ${why}; the claim cannot be approved`));
  }

  return {
    lossBase,
    tier,
    tierCapRate: cap.value,
    fundRate,
    fundShareBeforeCaps,
    fundShareAfterLoanCap,
    enterpriseYearRemaining,
    fundShare,
    guarantorRate,
    guarantorShare,
    bankShare,
    limitedBy,
    approvable,
    reasons,
  };
}

/** Σ F of an enterprise's claims finally approved in `year` (the per-enterprise-year cap counts calendar years). */
export function sumEnterpriseYearCompensation(
  entries: readonly { readonly fundShare: Money; readonly finalApprovedOn: IsoDate }[],
  year: number,
): Money {
  return Money.sum(entries.filter((e) => yearOf(e.finalApprovedOn) === year).map((e) => e.fundShare));
}
