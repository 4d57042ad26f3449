import type Decimal from 'decimal.js';
import { compareDates, type IsoDate } from './dates';
import { Money } from './money';
import { resolveOverdueDays, type OverdueFact } from './overdue';
import type { PolicyParameters } from './policy';
import { reason, type PolicyReason } from './reasons';

/** One loan of a bank as the risk ratio sees it. */
export type RiskLoan = OverdueFact & {
  readonly ipPledgedPrincipal: Money;
  readonly covered: boolean;
  /** A claim has been filed on it (counted even if fewer days overdue). */
  readonly inClaim?: boolean;
  /** Arrears paid up. */
  readonly cured?: boolean;
  /** Settled in full / written off the book: no longer a live risk (still part of what the bank issued). */
  readonly closed?: boolean;
  /** Loans issued after `asOf` are ignored. */
  readonly issuedOn?: IsoDate;
};

export type RiskLevel = 'NONE' | 'WARNING' | 'SUSPENSION_PROPOSED';

export interface BankRiskRatio {
  /** Σ IP-pledged principal of covered loans ≥ riskOverdueDays overdue or in claim, not cured, not closed. */
  readonly numerator: Money;
  /** Σ IP-pledged principal of every covered loan the bank has issued. */
  readonly denominator: Money;
  /** numerator ÷ denominator, exact (not rounded); 0 when the denominator is 0. */
  readonly ratio: Decimal;
  readonly level: RiskLevel;
  readonly reasons: readonly PolicyReason[];
}

/**
 * R4: a bank's risk ratio and level (Art 12 in Jiangbei). Thresholds are inclusive (达到 5% → ≥ 5 %),
 * and compared exactly as numerator ≥ denominator × ratio, so no rounding moves a loan across a line.
 */
export function bankRiskRatio(
  loans: readonly RiskLoan[],
  asOf: IsoDate,
  policy: PolicyParameters,
): BankRiskRatio {
  const issued = loans.filter(
    (l) => l.covered && (l.issuedOn == null || compareDates(l.issuedOn, asOf) <= 0),
  );
  const atRisk = issued.filter(
    (l) =>
      !l.cured &&
      !l.closed &&
      (l.inClaim === true || resolveOverdueDays(l, asOf) >= policy.riskOverdueDays.value),
  );
  const numerator = Money.sum(atRisk.map((l) => l.ipPledgedPrincipal));
  const denominator = Money.sum(issued.map((l) => l.ipPledgedPrincipal));
  const ratio = denominator.isZero() ? Money.zero().toDecimal() : numerator.ratioTo(denominator);

  const warning = policy.warningRatio;
  const suspension = policy.suspensionRatio;
  const reaches = (r: typeof warning) =>
    !denominator.isZero() && numerator.toDecimal().gte(denominator.toDecimal().times(r.value.toDecimal()));
  const level: RiskLevel = reaches(suspension)
    ? 'SUSPENSION_PROPOSED'
    : reaches(warning)
      ? 'WARNING'
      : 'NONE';

  const reasons: PolicyReason[] = [
    reason(
      policy.riskOverdueDays.article,
      'RISK_RATIO',
      `${numerator.toString()} of ${denominator.toString()} IP-pledged principal is ≥ ${policy.riskOverdueDays.value} days overdue or in claim (${atRisk.length} of ${issued.length} loans) as of ${asOf}`,
    ),
  ];
  if (level === 'SUSPENSION_PROPOSED') {
    reasons.push(
      reason(
        suspension.article,
        'SUSPENSION_RATIO_REACHED',
        `Ratio reaches ${suspension.value.toPercentString()}: the manager proposes suspension, effective when the IP bureau consents`,
      ),
    );
  } else if (level === 'WARNING') {
    reasons.push(
      reason(
        warning.article,
        'WARNING_RATIO_REACHED',
        `Ratio reaches ${warning.value.toPercentString()}: the manager issues a warning notice`,
      ),
    );
  } else {
    reasons.push(
      reason(warning.article, 'BELOW_WARNING_RATIO', `Ratio below ${warning.value.toPercentString()}`),
    );
  }
  return { numerator, denominator, ratio, level, reasons };
}
