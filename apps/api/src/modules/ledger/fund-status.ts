import type { IsoDate, Money } from '@ipfund/policy';
import type { EntityManager } from 'typeorm';

/**
 * What the claims module knows about the fund (R7, Art 19): cumulative compensation is Σ F of every
 * claim that received its final approval, paid or not — so it lives with the claims, not in the
 * ledger (whose COMPENSATION_PAYOUT postings count only what has been paid).
 */
export interface FundCompensationStatus {
  cumulativeCompensation: Money;
  /** The circuit breaker (Art 19): new compensation business stopped. */
  suspended: boolean;
  /** The current suspension episode (null while the fund runs): consents to resume are keyed by it. */
  suspensionId: string | null;
  /** The business date the current suspension began. */
  suspendedSince: IsoDate | null;
  /** The cumulative figure at the last recorded resumption: the breaker counts from here (Art 19). */
  cumulativeAtLastResumption: Money;
  /**
   * Σ F of claims finally approved but not yet paid: already promised out of the principal, so a
   * further final approval may commit only the principal less this (Art 7).
   */
  committedCompensation: Money;
}

/** What the fund module (modules/fund) knows: the funder's contributions and the termination (Art 3, 5, 24). */
export interface FundGovernanceFacts {
  totalContributions: Money;
  /** The offices' decision (TERMINATED, or SETTLED once the balance went back); null while the fund runs. */
  termination: { status: 'TERMINATED' | 'SETTLED' | 'PROPOSED' | 'DECLINED'; effectiveOn: IsoDate } | null;
}

/** The principal and interest balances (Art 7, 10), for those who may read the ledger. */
export interface FundBalanceFacts {
  principalBalance: Money;
  interestBalance: Money;
}

/** Reads the status inside the caller's transaction (`em`); balances too when asked. */
export type FundCompensationStatusProvider = (
  em: EntityManager,
  opts?: { withBalances?: boolean },
) => Promise<FundCompensationStatus & FundGovernanceFacts & Partial<FundBalanceFacts>>;
