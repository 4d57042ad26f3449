import { compareDates, type IsoDate } from './dates';
import type { Money } from './money';
import type { PolicyParameters } from './policy';
import { reason, type PolicyReason } from './reasons';
import type { CollateralKind, LoanPurpose } from './types';

export interface CollateralItem {
  readonly kind: CollateralKind;
  /** Art 4: the IP is pledged by the borrowing enterprise itself. */
  readonly pledgedByBorrower: boolean;
}

/** A bank suspension (Art 12): from the notice date (inclusive) until it is lifted (exclusive; open if absent). */
export interface SuspensionPeriod {
  readonly from: IsoDate;
  readonly to?: IsoDate | null;
}

export interface LoanCoverageInput {
  readonly principal: Money;
  /** = principal for a pure IP-pledge loan; the stated IP part of a combination loan. */
  readonly ipPledgedPrincipal: Money;
  readonly collateral: readonly CollateralItem[];
  readonly purpose: LoanPurpose;
  readonly issuedOn: IsoDate;
  /** The lender is a partner bank chosen under the measures (Art 8) and has not lost that status (Art 25). */
  readonly bankIsPartner: boolean;
  readonly bankSuspensions: readonly SuspensionPeriod[];
  /** Art 21: loans issued on or after this date are not covered. */
  readonly enterpriseBlacklistedSince?: IsoDate | null;
  /** Art 25: an enterprise that colluded to defraud is no longer covered at all. */
  readonly enterpriseExcludedForFraud?: boolean;
  /**
   * Art 24: the offices decided to terminate the fund with effect from this date; loans issued on or
   * after it are not covered (those issued before stay covered and their claims run to the end).
   */
  readonly fundTerminatedFrom?: IsoDate | null;
}

export type LoanKind = 'PURE_IP' | 'COMBINATION';

export type CoverageResult =
  | { readonly covered: true; readonly loanKind: LoanKind; readonly reasons: readonly PolicyReason[] }
  | { readonly covered: false; readonly reasons: readonly PolicyReason[] };

/** Whether a bank was suspended on a date (Art 12). */
export function isSuspendedOn(periods: readonly SuspensionPeriod[], date: IsoDate): boolean {
  return periods.some(
    (p) => compareDates(p.from, date) <= 0 && (p.to == null || compareDates(date, p.to) < 0),
  );
}

/**
 * R2: is the loan covered by the fund? When covered, the reasons are the conditions met;
 * when not, the reasons are every condition that failed.
 */
export function loanCoverage(input: LoanCoverageInput, policy: PolicyParameters): CoverageResult {
  const met: PolicyReason[] = [];
  const failed: PolicyReason[] = [];
  const sharing = policy.provisions.riskSharing.article;

  if (!input.principal.isPositive() || !input.ipPledgedPrincipal.isPositive()) {
    failed.push(
      reason(sharing, 'AMOUNT_NOT_POSITIVE', 'Principal and IP-pledged principal must be positive'),
    );
  } else if (input.ipPledgedPrincipal.gt(input.principal)) {
    failed.push(
      reason(
        sharing,
        'IP_PART_EXCEEDS_PRINCIPAL',
        `IP-pledged principal ${input.ipPledgedPrincipal.toString()} exceeds principal ${input.principal.toString()}`,
      ),
    );
  }

  const kinds = policy.allowedCollateralKinds;
  const ipPledged = input.collateral.some((c) => c.pledgedByBorrower && kinds.value.includes(c.kind));
  (ipPledged ? met : failed).push(
    ipPledged
      ? reason(kinds.article, 'IP_COLLATERAL_PRESENT', `Borrower pledges ${kinds.value.join('/')} IP`)
      : reason(
          kinds.article,
          'NO_IP_COLLATERAL',
          `No ${kinds.value.join(' or ')} pledged by the borrowing enterprise`,
        ),
  );

  const purposes = policy.allowedLoanPurposes;
  const purposeOk = purposes.value.includes(input.purpose);
  (purposeOk ? met : failed).push(
    purposeOk
      ? reason(purposes.article, 'PURPOSE_ALLOWED', `Purpose ${input.purpose} is allowed`)
      : reason(
          purposes.article,
          'PURPOSE_FORBIDDEN',
          `Purpose ${input.purpose} is not an allowed use of the loan`,
        ),
  );

  const partner = policy.provisions.partnerSelection.article;
  if (input.bankIsPartner) {
    met.push(reason(partner, 'PARTNER_BANK', 'Issued by a partner bank'));
  } else {
    failed.push(reason(partner, 'NOT_PARTNER_BANK', 'The lender is not a partner bank'));
  }

  const suspension = policy.provisions.bankSuspension.article;
  if (isSuspendedOn(input.bankSuspensions, input.issuedOn)) {
    failed.push(
      reason(
        suspension,
        'BANK_SUSPENDED_AT_ISSUE',
        `The bank was suspended on the issue date ${input.issuedOn}`,
      ),
    );
  } else {
    met.push(reason(suspension, 'BANK_ACTIVE_AT_ISSUE', `The bank was not suspended on ${input.issuedOn}`));
  }

  const since = input.enterpriseBlacklistedSince;
  if (since != null && compareDates(since, input.issuedOn) <= 0) {
    failed.push(
      reason(
        policy.provisions.blacklist.article,
        'ENTERPRISE_BLACKLISTED',
        `The enterprise was disqualified on ${since}, before or on the issue date`,
      ),
    );
  }
  if (input.enterpriseExcludedForFraud) {
    failed.push(
      reason(
        policy.provisions.fraudExclusion.article,
        'ENTERPRISE_EXCLUDED_FRAUD',
        'The enterprise is excluded for fraud',
      ),
    );
  }
  const terminatedFrom = input.fundTerminatedFrom;
  if (terminatedFrom != null && compareDates(terminatedFrom, input.issuedOn) <= 0) {
    failed.push(
      reason(
        policy.provisions.termination.article,
        'FUND_TERMINATED',
        `The fund was terminated with effect from ${terminatedFrom}, on or before the issue date`,
      ),
    );
  }
  if (!failed.some((r) => r.code === 'ENTERPRISE_BLACKLISTED' || r.code === 'ENTERPRISE_EXCLUDED_FRAUD')) {
    met.push(
      reason(
        policy.provisions.blacklist.article,
        'ENTERPRISE_ELIGIBLE',
        'The enterprise is not disqualified',
      ),
    );
  }

  if (failed.length > 0) {
    return { covered: false, reasons: failed };
  }
  const loanKind: LoanKind = input.ipPledgedPrincipal.eq(input.principal) ? 'PURE_IP' : 'COMBINATION';
  met.push(
    reason(
      sharing,
      loanKind,
      loanKind === 'PURE_IP'
        ? 'Pure IP-pledge loan'
        : `Combination loan; IP-pledged part ${input.ipPledgedPrincipal.toString()} of ${input.principal.toString()}`,
    ),
  );
  return { covered: true, loanKind, reasons: met };
}
