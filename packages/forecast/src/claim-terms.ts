import {
  Money,
  agreedFundRate,
  computeCompensation,
  validateAgreement,
  type CooperationAgreement,
  type PolicyParameters,
  type Rate,
} from '@ipfund/policy';
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

/** A rate as an exact fraction: numerator ÷ 10^scale ("0.30" → 30 ÷ 100). */
export interface RateFraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** The rate's exact decimal as a fraction (a Rate is a finite decimal, so nothing is lost). */
export function rateFraction(rate: Rate): RateFraction {
  const text = rate.toString();
  const negative = text.startsWith('-');
  const [whole, frac = ''] = (negative ? text.slice(1) : text).split('.');
  const numerator = BigInt(whole + frac);
  return { numerator: negative ? -numerator : numerator, denominator: 10n ** BigInt(frac.length) };
}

const SAFE = Number.MAX_SAFE_INTEGER;
// A module-level binding: a global such as Math is slow to reach from a vm context (jest).
const floor = Math.floor;

/**
 * round(a × b ÷ d) half up for whole a, b ≥ 0 and d > 0 — Money's one rounding step, exactly. In doubles
 * when 2ab + d stays below 2^53 (the quotient's floor then corrected by its remainder, which is exact);
 * in BigInt otherwise. Both give the same integer; BigInt for every claim was most of the compile time.
 */
export function mulDivHalfUp(a: number, b: number, d: number): number {
  const x = a * b;
  if (x < 2 ** 51 && d < 2 ** 51) {
    const num = 2 * x + d;
    const den = 2 * d;
    let q = floor(num / den);
    const r = num - q * den;
    if (r < 0) q--;
    else if (r >= den) q++;
    return q;
  }
  return Number((2n * BigInt(a) * BigInt(b) + BigInt(d)) / (2n * BigInt(d)));
}

/** A rate ready for repeated use (`timesRate`): its fraction, and in doubles when it fits them. */
export interface RateNumbers {
  readonly n: number;
  readonly d: number;
  readonly exact: RateFraction;
}

export function rateNumbers(f: RateFraction): RateNumbers {
  return { n: Number(f.numerator), d: Number(f.denominator), exact: f };
}

/** fen × rate rounded half up to the fen (`Money.times`), for a non-negative fen and rate. */
export function timesRate(fen: number, r: RateNumbers): number {
  if (r.n <= SAFE && r.d <= SAFE) return mulDivHalfUp(fen, r.n, r.d);
  return Number((2n * BigInt(fen) * r.exact.numerator + r.exact.denominator) / (2n * r.exact.denominator));
}

/** fen × rate rounded half up to the fen: `Money.times(rate)`, exactly. */
export function timesRateFen(fen: number, rate: RateFraction): number {
  if (fen < 0 || rate.numerator < 0n)
    throw new RangeError('timesRateFen takes non-negative amounts and rates');
  return timesRate(fen, rateNumbers(rate));
}

/**
 * What of the measures and of one agreement the claim terms need, in fen and exact fractions, checked
 * once: `claimTermsFen` runs per distinct loan amount (tens of thousands at 200,000 loans), and
 * decimal.js per claim was most of the forecast's compile time.
 */
export interface ClaimRules {
  readonly tierThresholdFen: number;
  readonly perLoanCapFen: number;
  readonly yearCapFen: number;
  readonly lowRate: RateNumbers;
  readonly highRate: RateNumbers;
  /** The guarantor's rate (Art 14), or null when the agreement has none (a three-party loan is refused). */
  readonly guarantorRate: RateNumbers | null;
  /** The agreement passes `validateAgreement`; when not, every claim under it is refused as the policy refuses it. */
  readonly valid: boolean;
}

export function claimRules(agreement: CooperationAgreement, policy: PolicyParameters): ClaimRules {
  return {
    tierThresholdFen: toFen(policy.tierThreshold.value),
    perLoanCapFen: toFen(policy.perLoanCap.value),
    yearCapFen: toFen(policy.perEnterpriseYearCap.value),
    lowRate: rateNumbers(rateFraction(agreedFundRate(agreement, 'LOW', policy))),
    highRate: rateNumbers(rateFraction(agreedFundRate(agreement, 'HIGH', policy))),
    guarantorRate: agreement.guarantorRate ? rateNumbers(rateFraction(agreement.guarantorRate)) : null,
    valid: validateAgreement(agreement, policy).length === 0,
  };
}

/** A loan's amounts in fen. */
export interface ClaimAmountsFen {
  readonly principalFen: number;
  readonly ipPledgedPrincipalFen: number;
  readonly outstandingPrincipalFen: number;
  readonly threeParty: boolean;
}

/**
 * `claimTerms` in integer fen (R5; Art 11, 14): B = O × IP ÷ P, the tier's rate, F0 = B × f, the
 * per-loan cap, the year cap with nothing compensated yet, G = B × g, and the fen off F when F + G > B —
 * each rounded half up once, as Money does, on exact integers (BigInt where a product passes 2^51).
 * The property test in __tests__/claim-terms.test.ts checks it against `computeCompensation`. Returns
 * null when the policy would refuse the claim (amounts out of range, an agreement the measures do not
 * allow, a three-party loan without a guarantor rate): the caller then asks `claimTerms`, which throws
 * the policy's own error with its article.
 */
export function claimTermsFen(loan: ClaimAmountsFen, rules: ClaimRules): ClaimTerms | null {
  const p = loan.principalFen;
  const ip = loan.ipPledgedPrincipalFen;
  const o = loan.outstandingPrincipalFen;
  if (!rules.valid || !(p > 0) || !(ip > 0) || ip > p || o < 0 || o > p) return null;
  if (loan.threeParty && !rules.guarantorRate) return null;
  // An IP-only loan's loss base is its outstanding principal (IP ÷ P = 1).
  const lossBaseFen = ip === p ? o : mulDivHalfUp(o, ip, p);
  const rate = ip < rules.tierThresholdFen ? rules.lowRate : rules.highRate;
  const beforeCaps = timesRate(lossBaseFen, rate);
  const afterLoanCap = beforeCaps < rules.perLoanCapFen ? beforeCaps : rules.perLoanCapFen;
  let fundShareFen = afterLoanCap < rules.yearCapFen ? afterLoanCap : Math.max(0, rules.yearCapFen);
  const guarantorShareFen =
    loan.threeParty && rules.guarantorRate ? timesRate(lossBaseFen, rules.guarantorRate) : 0;
  if (fundShareFen + guarantorShareFen > lossBaseFen) fundShareFen = lossBaseFen - guarantorShareFen;
  return { lossBaseFen, fundShareFen, guarantorShareFen };
}
