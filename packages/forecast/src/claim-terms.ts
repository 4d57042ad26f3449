import { Money, computeCompensation, type CooperationAgreement, type PolicyParameters } from '@ipfund/policy';
import { toFen } from './money-fen';

/** What a loan's claim would be, computed once with the policy functions, in fen. */
export interface ClaimTerms {
  /** B (Art 11): outstanding × IP part ÷ principal. */
  readonly lossBaseFen: number;
  /**
   * F before the enterprise-year cap: F0 = B × f, the per-loan cap, and the fen adjustment that keeps
   * F + G ≤ B — `computeCompensation` with nothing compensated yet this year.
   */
  readonly fundShareFen: number;
  /** G (Art 14). */
  readonly guarantorShareFen: number;
}

export interface ClaimLoan {
  readonly principal: Money;
  readonly ipPledgedPrincipal: Money;
  readonly outstandingPrincipal: Money;
  readonly threeParty: boolean;
  readonly agreement: CooperationAgreement;
}

/** The claim on this loan as the real claim would compute it (R5), before the enterprise-year cap. */
export function claimTerms(loan: ClaimLoan, policy: PolicyParameters): ClaimTerms {
  const c = computeCompensation({ ...loan, enterpriseYearCompensatedSoFar: Money.zero() }, policy);
  return {
    lossBaseFen: toFen(c.lossBase),
    fundShareFen: toFen(c.fundShare),
    guarantorShareFen: toFen(c.guarantorShare),
  };
}

/**
 * R5 step 6 in the path: F = min(F1, cap − already compensated this year), never below zero. Taking the
 * minimum after the fen adjustment equals `computeCompensation` taking it before (min commutes); the
 * property test in __tests__/claim-terms.test.ts checks the equality on random loans.
 */
export function capForEnterpriseYear(fundShareFen: number, yearCapFen: number, usedFen: number): number {
  const room = yearCapFen - usedFen;
  return room <= 0 ? 0 : fundShareFen < room ? fundShareFen : room;
}

/**
 * R8 in the path: the bank owes R × F ÷ B (rounded half up, once), never more than F less what it already
 * owes. BigInt: R × F can exceed 2^53 fen².
 */
export function remittanceFen(
  recoveredFen: number,
  fundShareFen: number,
  lossBaseFen: number,
  owedSoFarFen = 0,
): number {
  if (lossBaseFen <= 0 || recoveredFen <= 0 || fundShareFen <= 0) return 0;
  const num = BigInt(recoveredFen) * BigInt(fundShareFen);
  const den = BigInt(lossBaseFen);
  const proportional = Number((2n * num + den) / (2n * den));
  const room = Math.max(0, fundShareFen - owedSoFarFen);
  return proportional < room ? proportional : room;
}
