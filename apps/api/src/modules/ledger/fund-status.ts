import type { Money } from '@ipfund/policy';
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
}

/** Reads the status inside the caller's transaction (`em`). */
export type FundCompensationStatusProvider = (em: EntityManager) => Promise<FundCompensationStatus>;
