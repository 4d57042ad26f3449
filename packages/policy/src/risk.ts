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
  const atRisk = issued.filter((l) => isAtRisk(l, asOf, policy));
  return bankRiskRatioOfTotals(
    {
      numerator: Money.sum(atRisk.map((l) => l.ipPledgedPrincipal)),
      denominator: Money.sum(issued.map((l) => l.ipPledgedPrincipal)),
      atRiskLoans: atRisk.length,
      issuedLoans: issued.length,
    },
    asOf,
    policy,
  );
}

/**
 * R4's numerator test for one covered loan issued by `asOf`: not cured, not closed, and in claim or
 * at least `riskOverdueDays` overdue. A database computing the totals in SQL states the same test as
 * `status <> CLOSED AND (in claim OR earliest unpaid due date <= asOf − riskOverdueDays)`.
 */
export function isAtRisk(loan: RiskLoan, asOf: IsoDate, policy: PolicyParameters): boolean {
  return (
    !loan.cured &&
    !loan.closed &&
    (loan.inClaim === true || resolveOverdueDays(loan, asOf) >= policy.riskOverdueDays.value)
  );
}

/** A bank's book summed (e.g. by SQL, for every bank at once): the covered loans issued by `asOf`. */
export interface RiskTotals {
  /** Σ IP-pledged principal of the loans at risk (`isAtRisk`). */
  readonly numerator: Money;
  /** Σ IP-pledged principal of every covered loan issued by `asOf`. */
  readonly denominator: Money;
  readonly atRiskLoans: number;
  readonly issuedLoans: number;
}

/** R4 from the totals: the same ratio, level and reasons as `bankRiskRatio` over the loans. */
export function bankRiskRatioOfTotals(
  totals: RiskTotals,
  asOf: IsoDate,
  policy: PolicyParameters,
): BankRiskRatio {
  const { numerator, denominator } = totals;
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
      `${numerator.toString()} of ${denominator.toString()} IP-pledged principal is ≥ ${policy.riskOverdueDays.value} days overdue or in claim (${totals.atRiskLoans} of ${totals.issuedLoans} loans) as of ${asOf}`,
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
