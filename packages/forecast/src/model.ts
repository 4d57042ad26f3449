import {
  Money,
  PolicyError,
  Rate,
  validatePolicy,
  type CooperationAgreement,
  type IsoDate,
  type PolicyParameters,
  type Tier,
} from '@ipfund/policy';
import { FORECAST_LIMITS, type ForecastAssumptions } from './assumptions';
import {
  claimRules,
  claimTerms,
  claimTermsFen,
  rateFraction,
  rateNumbers,
  timesRate,
  type ClaimAmountsFen,
  type ClaimRules,
} from './claim-terms';
import { dayNumber, loanColumns, monthsBetweenDays, type ForecastLoan, type LoanColumns } from './columns';
import type { RateEstimate, SegmentRates } from './estimate';
import { fromFen, toFen } from './money-fen';
import { monthOfYear } from './months';

export type { ForecastLoan, LoanStartState } from './columns';

/** The fund on the forecast date (R1, R7). */
export interface FundPosition {
  readonly asOf: IsoDate;
  /** The principal account's balance: what compensation is paid from (Art 7). */
  readonly balance: Money;
  /** Σ F finally approved (Art 19). */
  readonly cumulative: Money;
  readonly cumulativeAtLastResumption: Money;
  /** Σ F finally approved this calendar year, per enterprise (the enterprise-year cap, Art 11). */
  readonly enterpriseYearCompensated: ReadonlyMap<string, Money>;
}

/** What-ifs, each run side by side with the base case. */
export interface Levers {
  /** A bank's covered loans grow by `percent` % (new borrowers like its current ones). */
  readonly bankGrowth?: readonly { readonly bankId: string; readonly percent: number }[];
  /** A tier's rate changes to `rate`: the cap of Art 11 and every agreement's rate for the tier. */
  readonly tierRate?: { readonly tier: Tier; readonly rate: Rate };
  /** The fund receives this amount in the first month. */
  readonly topUp?: Money;
  /** These banks are suspended (Art 12): they lend no new covered loans; their loans stay covered. */
  readonly suspendedBanks?: readonly string[];
  /** Monthly default rates (current → 15+, 15+ → 60+) multiplied by this factor. */
  readonly defaultStress?: number;
}

export interface ForecastInput {
  /** The covered portfolio as loan objects (tests, synthetic portfolios), or … */
  readonly loans?: readonly ForecastLoan[];
  /** … the same in columns (the API reads it so); used when given. */
  readonly columns?: LoanColumns;
  readonly fund: FundPosition;
  readonly policy: PolicyParameters;
  /** Transition rates per segment key (`segmentKey`); a segment missing here gets the priors alone. */
  readonly rates: ReadonlyMap<string, SegmentRates>;
  readonly recovery: RateEstimate;
  readonly assumptions: ForecastAssumptions;
  readonly horizonMonths: number;
  readonly paths: number;
  readonly seed: number;
  readonly levers?: Levers;
}

/** A segment: a bank's loans of one kind (IP-only or combination, with or without a guarantor). */
export function segmentKey(bankId: string, ipOnly: boolean, threeParty: boolean): string {
  return `${bankId}|${ipOnly ? 'IP_ONLY' : 'COMBINATION'}|${threeParty ? 'GUARANTEED' : 'UNGUARANTEED'}`;
}

export function segmentOf(
  loan: Pick<ForecastLoan, 'bankId' | 'principal' | 'ipPledgedPrincipal' | 'threeParty'>,
): string {
  return segmentKey(loan.bankId, loan.ipPledgedPrincipal.eq(loan.principal), loan.threeParty);
}

export interface SegmentInfo {
  readonly key: string;
  readonly bankId: string;
  readonly bankName: string;
  readonly ipOnly: boolean;
  readonly threeParty: boolean;
}

/** Refused input: the API answers BAD_USER_INPUT with the message (and the article when a rule refused). */
export class ForecastInputError extends Error {
  constructor(
    message: string,
    readonly article?: string,
  ) {
    super(message);
    this.name = 'ForecastInputError';
  }
}

/**
 * The portfolio compiled for the paths: plain numbers and typed arrays only, so it crosses to a
 * worker thread by structured clone. Loans are grouped into cohorts of loans whose monthly dynamics are
 * identical (segment, state, first month, maturity month): a path draws how many of a cohort claim in
 * each month, then which ones — exchangeable loans make that exactly the per-loan simulation.
 */
export interface PreparedModel {
  readonly horizon: number;
  readonly paths: number;
  readonly seed: number;
  readonly groups: number;
  /** Month of the year of the forecast date (0 = January): approvals in month m fall in year ⌊(m0 + m) ÷ 12⌋. */
  readonly month0: number;
  readonly lagMonths: number;
  readonly recoveryDelayMonths: number;
  /** Month after tripping at which the offices resume, or -1. */
  readonly resumptionAfter: number;
  readonly stress: number;

  readonly balanceFen: number;
  readonly cumulativeFen: number;
  readonly atLastResumptionFen: number;
  readonly breakerFen: number;
  readonly yearCapFen: number;
  readonly topUpFen: number;

  readonly segments: readonly SegmentInfo[];
  /** Per segment: posterior Beta parameters (α, β) of the three rates, or the known rate in α with β = -1. */
  readonly segAlpha: Float64Array;
  readonly segBeta: Float64Array;
  readonly recoveryAlpha: number;
  readonly recoveryBeta: number;

  readonly loanCount: number;
  /** Model loan → the input loan it is (or copies): an index into the portfolio. */
  readonly loanSource: Int32Array;
  readonly loanSeg: Int32Array;
  readonly loanEnterprise: Int32Array;
  readonly lossBaseFen: Float64Array;
  readonly fundShareFen: Float64Array;
  readonly recoveredFen: Float64Array;
  /** Per enterprise: Σ F already approved in the forecast date's year. */
  readonly enterpriseUsedFen: Float64Array;
  readonly enterpriseCount: number;

  readonly cohortCount: number;
  readonly cohortSeg: Int32Array;
  readonly cohortState: Int8Array;
  readonly cohortStart: Int16Array;
  readonly cohortMaturity: Int16Array;
  readonly cohortOutstandingFen: Float64Array;
  /**
   * Cohort c's profile: its segment, start state and months from its start to maturity. The paths run
   * the chain once per profile and shift it by the cohort's start (the rates do not change with time).
   */
  readonly cohortProfile: Int32Array;
  readonly profileCount: number;
  readonly profileSeg: Int32Array;
  readonly profileState: Int8Array;
  /** Months from the start to maturity (the horizon + 1 − start when beyond it); 0 for a 60+ profile. */
  readonly profileDuration: Int16Array;
  /** Members of cohort c: cohortMembers[cohortOffset[c] .. cohortOffset[c + 1]). */
  readonly cohortOffset: Int32Array;
  readonly cohortMembers: Int32Array;

  /** Loans with a claim waiting for final approval: approved in month 1, in this order. */
  readonly inClaim: Int32Array;
  /** Loans finally approved but unpaid, with their F: paid first. */
  readonly approvedUnpaid: Int32Array;
  readonly approvedUnpaidFen: Float64Array;

  readonly coveredPrincipalFen: number;
  readonly replayLoans: number;
  readonly growthLoans: number;
}

export const STATE_CURRENT = 0;
export const STATE_15 = 1;
export const STATE_60 = 2;

function validate(input: ForecastInput): void {
  const { horizonMonths: h, paths } = input;
  if (!Number.isInteger(h) || h < 1 || h > FORECAST_LIMITS.maxHorizonMonths) {
    throw new ForecastInputError(
      `horizonMonths must be a whole number in [1, ${FORECAST_LIMITS.maxHorizonMonths}], got ${h}`,
    );
  }
  if (!Number.isInteger(paths) || paths < 1 || paths > FORECAST_LIMITS.maxPaths) {
    throw new ForecastInputError(
      `paths must be a whole number in [1, ${FORECAST_LIMITS.maxPaths}], got ${paths}`,
    );
  }
  if (!Number.isInteger(input.seed) || input.seed < 0 || input.seed > 0xffffffff) {
    throw new ForecastInputError(`seed must be a whole number in [0, 4294967295], got ${input.seed}`);
  }
  const l = input.levers;
  if (l?.defaultStress !== undefined) {
    if (!(l.defaultStress >= 0 && l.defaultStress <= FORECAST_LIMITS.maxStressFactor)) {
      throw new ForecastInputError(
        `defaultStress must be in [0, ${FORECAST_LIMITS.maxStressFactor}], got ${l.defaultStress}`,
      );
    }
  }
  for (const g of l?.bankGrowth ?? []) {
    if (!(g.percent >= 0 && g.percent <= FORECAST_LIMITS.maxGrowthPercent)) {
      throw new ForecastInputError(
        `Growth of a bank must be in [0, ${FORECAST_LIMITS.maxGrowthPercent}] %, got ${g.percent}`,
      );
    }
  }
  if (l?.topUp && l.topUp.isNegative()) throw new ForecastInputError('A top-up cannot be negative');
}

/** The measures under a tier-rate what-if: the tier's cap becomes the rate (a revision of Art 11). */
export function policyUnderLevers(policy: PolicyParameters, levers: Levers | undefined): PolicyParameters {
  const t = levers?.tierRate;
  if (!t) return policy;
  const key = t.tier === 'LOW' ? 'lowTierCapRate' : 'highTierCapRate';
  const revised: PolicyParameters = {
    ...policy,
    [key]: {
      ...policy[key],
      value: t.rate,
      note: `what-if: ${t.rate.toPercentString()} instead of ${policy[key].value.toPercentString()}`,
    },
  };
  const violations = validatePolicy(revised);
  if (violations.length) throw new ForecastInputError(violations[0].message, violations[0].article);
  return revised;
}

function agreementUnderLevers(a: CooperationAgreement, levers: Levers | undefined): CooperationAgreement {
  const t = levers?.tierRate;
  if (!t) return a;
  // The agreements follow the revised measures: the fund pays the new rate of the tier's losses.
  return t.tier === 'LOW' ? { ...a, fundRateLowTier: t.rate } : { ...a, fundRateHighTier: t.rate };
}

/** Compiles the portfolio, the fund and the levers into the model the paths run on. */
export function prepare(input: ForecastInput): PreparedModel {
  validate(input);
  const H = input.horizonMonths;
  const levers = input.levers;
  const policy = policyUnderLevers(input.policy, levers);
  const asOf = input.fund.asOf;
  const asOfDay = dayNumber(asOf);
  const a = input.assumptions;
  const suspended = new Set(levers?.suspendedBanks ?? []);
  const clampMonth = (m: number) => (m < 1 ? 1 : m > H + 1 ? H + 1 : m);
  const recoveryShare = rateNumbers(rateFraction(Rate.of(String(a.recoveryShareOfLoss.value))));
  const replay = a.replayLastYearLending.value;
  const cols = input.columns ?? loanColumns(input.loans ?? []);

  // Segments and each input loan's facts, in typed arrays (one entry per input loan; replays and growth
  // copies point back at their source loan). Loans with the same amounts under the same agreement have
  // the same claim, computed once (in integer fen, equal to the policy functions: claim-terms.test.ts):
  // the terms table holds each distinct one.
  const N = cols.count;
  const segIndex = new Map<string, number>();
  const segments: SegmentInfo[] = [];
  const termLoss: number[] = [];
  const termShare: number[] = [];
  const termRecovered: number[] = [];
  const termOutstanding: number[] = [];
  // Per agreement (as the levers leave it): the rules in fen, once.
  const rulesOf: (ClaimRules | undefined)[] = new Array(cols.agreements.length);
  const agreementOf = (ag: number) => agreementUnderLevers(cols.agreements[ag], levers);
  const compute = (i: number, ag: number, outstandingFen: number): number => {
    const am = cols.amount[i];
    const loan = {
      principalFen: cols.principalFen[am],
      ipPledgedPrincipalFen: cols.ipPledgedFen[am],
      outstandingPrincipalFen: outstandingFen,
      threeParty: cols.threeParty[i] === 1,
    };
    const rules = (rulesOf[ag] ??= claimRules(agreementOf(ag), policy));
    const terms = claimTermsFen(loan, rules) ?? refused(i, ag, loan);
    const idx = termLoss.length;
    termLoss.push(terms.lossBaseFen);
    termShare.push(terms.fundShareFen);
    termRecovered.push(timesRate(terms.lossBaseFen, recoveryShare));
    termOutstanding.push(outstandingFen);
    return idx;
  };
  /** A claim the policy refuses: its own error (and article), from the policy functions themselves. */
  const refused = (i: number, ag: number, loan: ClaimAmountsFen): never => {
    const label = cols.label?.(i) ?? `#${i + 1}`;
    try {
      claimTerms(
        {
          principal: fromFen(loan.principalFen),
          ipPledgedPrincipal: fromFen(loan.ipPledgedPrincipalFen),
          outstandingPrincipal: fromFen(loan.outstandingPrincipalFen),
          threeParty: loan.threeParty,
          agreement: agreementOf(ag),
        },
        policy,
      );
    } catch (err) {
      if (err instanceof PolicyError)
        throw new ForecastInputError(`Loan ${label}: ${err.message}`, err.article);
      throw err;
    }
    throw new Error(`Loan ${label}: the claim terms in fen and the policy functions disagree`);
  };
  // Terms by (amounts, the outstanding or the full principal, agreement, guarantor): a numeric key.
  const AG = Math.max(1, cols.agreements.length);
  const termsIndex = new Map<number, number>();
  /** The loan's terms (with its outstanding principal) into srcCurrent, and as a new loan into srcFresh. */
  const termsOf = (i: number, fresh: boolean): void => {
    const am = cols.amount[i];
    const ag = cols.agreement[i];
    const three = cols.threeParty[i];
    const principal = cols.principalFen[am];
    const o = cols.outstandingFen[am];
    const full = o === principal;
    const keyOf = (version: number) => ((am * 2 + version) * AG + ag) * 2 + three;
    const kc = keyOf(0);
    let cur = termsIndex.get(kc);
    if (cur === undefined) {
      cur = compute(i, ag, o);
      termsIndex.set(kc, cur);
    }
    srcCurrent[i] = cur;
    if (!fresh) {
      srcFresh[i] = -1;
      return;
    }
    if (full) {
      srcFresh[i] = cur;
      return;
    }
    const kf = keyOf(1);
    let f = termsIndex.get(kf);
    if (f === undefined) {
      f = compute(i, ag, principal);
      termsIndex.set(kf, f);
    }
    srcFresh[i] = f;
  };
  const months = monthsBetweenDays;
  const srcSeg = new Int32Array(N);
  const srcMaturity = new Int16Array(N);
  const srcAge = new Int32Array(N);
  const srcTerm = new Int32Array(N);
  const srcCurrent = new Int32Array(N);
  /** Terms of a replayed copy (full principal), or −1 when the loan is not replayed. */
  const srcFresh = new Int32Array(N);
  const srcEnterprise = cols.enterprise;
  let enterpriseCount = cols.enterprises.length;
  // Per bank: its four segments' indexes (−1 until seen) and whether it is suspended.
  const banks = cols.banks.map((b) => ({ seg: new Int32Array(4).fill(-1), suspended: suspended.has(b.id) }));
  for (let i = 0; i < N; i++) {
    const b = cols.bank[i];
    const bank = banks[b];
    const am = cols.amount[i];
    const ipOnly = cols.ipPledgedFen[am] === cols.principalFen[am];
    const three = cols.threeParty[i] === 1;
    const slot = (ipOnly ? 2 : 0) + (three ? 1 : 0);
    let s = bank.seg[slot];
    if (s < 0) {
      const { id: bankId, name: bankName } = cols.banks[b];
      const key = segmentKey(bankId, ipOnly, three);
      const known = segIndex.get(key);
      if (known === undefined) {
        s = segments.length;
        segIndex.set(key, s);
        segments.push({ key, bankId, bankName, ipOnly, threeParty: three });
      } else s = known;
      bank.seg[slot] = s;
    }
    srcSeg[i] = s;
    const issued = cols.issuedDay[i];
    const age = months(issued, asOfDay);
    const replayed = replay && !bank.suspended && age >= 0 && age <= 11;
    srcAge[i] = age;
    srcMaturity[i] = clampMonth(months(asOfDay, cols.maturesDay[i]));
    const term = months(issued, cols.maturesDay[i]);
    srcTerm[i] = term > 1 ? term : 1;
    termsOf(i, replayed);
  }

  // The model's loans: the input loans, then growth copies, then replays. Per loan: its source, its
  // start month, its maturity month, its state (the STATE_* codes; IN_CLAIM and APPROVED_UNPAID apart).
  const IN_CLAIM = 3;
  const APPROVED_UNPAID = 4;
  const growthSrc: number[] = [];
  const growthEnterprise: number[] = [];

  // Growth: the bank's loans again, round-robin in input order, each to a new borrower (own year cap).
  let growthLoans = 0;
  const growthEntIndex = new Map<string, number>();
  for (const g of levers?.bankGrowth ?? []) {
    if (suspended.has(g.bankId)) continue;
    const b = cols.banks.findIndex((x) => x.id === g.bankId);
    const own: number[] = [];
    for (let i = 0; b >= 0 && i < N; i++) {
      const st = cols.state[i];
      if (cols.bank[i] === b && (st === STATE_CURRENT || st === STATE_15)) own.push(i);
    }
    const extra = own.length ? Math.round((own.length * g.percent) / 100) : 0;
    for (let i = 0; i < extra; i++) {
      const src = own[i % own.length];
      // A new borrower per copy: its own enterprise (the same one if two levers name the same copy).
      const key = `${cols.enterprises[srcEnterprise[src]]}#growth${i}`;
      let e = growthEntIndex.get(key);
      if (e === undefined) {
        e = enterpriseCount++;
        growthEntIndex.set(key, e);
      }
      growthSrc.push(src);
      growthEnterprise.push(e);
      growthLoans++;
    }
  }

  // Replay: last year's lending lent again a year later, and again, by banks not suspended.
  let replayLoans = 0;
  for (let src = 0; src < N; src++) {
    if (srcFresh[src] < 0) continue;
    for (let start = 12 - srcAge[src]; start < H; start += 12) if (start >= 1) replayLoans++;
  }
  const n = N + growthLoans + replayLoans;
  const loanSrc = new Int32Array(n);
  const loanStart = new Int16Array(n);
  const loanMaturity = new Int16Array(n);
  const loanState = new Int8Array(n);
  const loanTerms = new Int32Array(n);
  const loanEnterprise = new Int32Array(n);
  for (let i = 0; i < N; i++) {
    loanSrc[i] = i;
    loanMaturity[i] = srcMaturity[i];
    loanState[i] = cols.state[i];
    loanTerms[i] = srcCurrent[i];
    loanEnterprise[i] = srcEnterprise[i];
  }
  for (let g = 0; g < growthLoans; g++) {
    const i = N + g;
    const src = growthSrc[g];
    loanSrc[i] = src;
    loanMaturity[i] = srcMaturity[src];
    loanState[i] = STATE_CURRENT;
    loanTerms[i] = srcCurrent[src];
    loanEnterprise[i] = growthEnterprise[g];
  }
  let i = N + growthLoans;
  for (let src = 0; src < N; src++) {
    if (srcFresh[src] < 0) continue;
    for (let start = 12 - srcAge[src]; start < H; start += 12) {
      if (start < 1) continue;
      loanSrc[i] = src;
      loanStart[i] = start;
      loanMaturity[i] = clampMonth(start + srcTerm[src]);
      loanState[i] = STATE_CURRENT;
      loanTerms[i] = srcFresh[src];
      loanEnterprise[i] = srcEnterprise[src];
      i++;
    }
  }

  const loanSeg = new Int32Array(n);
  const lossBaseFen = new Float64Array(n);
  const fundShareFen = new Float64Array(n);
  const recoveredFen = new Float64Array(n);
  const outstandingFen = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const src = loanSrc[i];
    loanSeg[i] = srcSeg[src];
    const t = loanTerms[i];
    lossBaseFen[i] = termLoss[t];
    fundShareFen[i] = termShare[t];
    recoveredFen[i] = termRecovered[t];
    outstandingFen[i] = termOutstanding[t];
  }

  const enterpriseUsedFen = new Float64Array(enterpriseCount);
  if (input.fund.enterpriseYearCompensated.size > 0) {
    const entIndex = new Map<string, number>();
    cols.enterprises.forEach((id, e) => entIndex.set(id, e));
    for (const [id, m] of input.fund.enterpriseYearCompensated) {
      const e = entIndex.get(id);
      if (e !== undefined) enterpriseUsedFen[e] = toFen(m);
    }
  }

  // Rates: the posterior of each segment (priors alone when the history has nothing on it).
  const S = segments.length;
  const segAlpha = new Float64Array(S * 3);
  const segBeta = new Float64Array(S * 3);
  const priors = [a.priorCurrentTo15.value, a.prior15To60.value, a.prior15Cure.value];
  segments.forEach((seg, s) => {
    const r = input.rates.get(seg.key);
    const est = r ? [r.toOverdue, r.toClaim, r.cure] : null;
    for (let t = 0; t < 3; t++) {
      const e = est?.[t];
      if (e?.known) {
        segAlpha[s * 3 + t] = e.mean;
        segBeta[s * 3 + t] = -1;
      } else {
        const p = e?.prior ?? priors[t];
        segAlpha[s * 3 + t] = p.alpha + (e?.events ?? 0);
        segBeta[s * 3 + t] = p.beta + (e ? e.exposures - e.events : 0);
      }
    }
  });
  const rec = input.recovery;
  const recoveryAlpha = rec.known ? rec.mean : rec.prior.alpha + rec.events;
  const recoveryBeta = rec.known ? -1 : rec.prior.beta + rec.exposures - rec.events;

  // Cohorts of exchangeable loans (segment, state, start, maturity), numbered in order of their first
  // loan; members in loan order (a counting sort).
  const W = H + 2;
  const cohortKey = new Map<number, number>();
  const loanCohort = new Int32Array(n);
  const cohortSegL: number[] = [];
  const cohortStateL: number[] = [];
  const cohortStartL: number[] = [];
  const cohortMaturityL: number[] = [];
  const cohortOut: number[] = [];
  const cohortSizeL: number[] = [];
  const inClaim: number[] = [];
  const approvedUnpaid: number[] = [];
  const approvedUnpaidFen: number[] = [];
  let coveredPrincipalFen = 0;
  for (let i = 0; i < n; i++) {
    const start = loanStart[i];
    if (start === 0) coveredPrincipalFen += outstandingFen[i];
    const state = loanState[i];
    loanCohort[i] = -1;
    if (state === IN_CLAIM) {
      inClaim.push(i);
      continue;
    }
    if (state === APPROVED_UNPAID) {
      approvedUnpaid.push(i);
      approvedUnpaidFen.push(cols.approvedFundShareFen[loanSrc[i]]);
      continue;
    }
    const seg = loanSeg[i];
    const maturity = loanMaturity[i];
    const k = ((seg * 3 + state) * W + start) * W + maturity;
    let c = cohortKey.get(k);
    if (c === undefined) {
      c = cohortSegL.length;
      cohortKey.set(k, c);
      cohortSegL.push(seg);
      cohortStateL.push(state);
      cohortStartL.push(start);
      cohortMaturityL.push(maturity);
      cohortOut.push(0);
      cohortSizeL.push(0);
    }
    loanCohort[i] = c;
    cohortSizeL[c]++;
    cohortOut[c] += outstandingFen[i];
  }
  const C = cohortSegL.length;
  const cohortOffset = new Int32Array(C + 1);
  for (let c = 0; c < C; c++) cohortOffset[c + 1] = cohortOffset[c] + cohortSizeL[c];
  const cohortMembers = new Int32Array(cohortOffset[C]);
  const fill = cohortOffset.slice(0, C);
  for (let i = 0; i < n; i++) {
    const c = loanCohort[i];
    if (c >= 0) cohortMembers[fill[c]++] = i;
  }

  // Profiles: cohorts that differ only in their start share the chain, shifted.
  const profileKey = new Map<number, number>();
  const cohortProfile = new Int32Array(C);
  const profileSeg: number[] = [];
  const profileState: number[] = [];
  const profileDuration: number[] = [];
  for (let c = 0; c < C; c++) {
    const seg = cohortSegL[c];
    const state = cohortStateL[c];
    const duration = state === STATE_60 ? 0 : cohortMaturityL[c] - cohortStartL[c];
    const key = (seg * 3 + state) * W + duration;
    let p = profileKey.get(key);
    if (p === undefined) {
      p = profileSeg.length;
      profileKey.set(key, p);
      profileSeg.push(seg);
      profileState.push(state);
      profileDuration.push(duration);
    }
    cohortProfile[c] = p;
  }

  const groups = Math.min(FORECAST_LIMITS.drawGroups, input.paths);
  return {
    horizon: H,
    paths: input.paths,
    seed: input.seed,
    groups,
    month0: monthOfYear(asOf),
    lagMonths: Math.max(0, Math.round(a.approvalLagMonths.value)),
    recoveryDelayMonths: Math.max(1, Math.round(a.recoveryDelayMonths.value)),
    resumptionAfter:
      a.resumptionAfterMonths.value === null ? -1 : Math.max(1, Math.round(a.resumptionAfterMonths.value)),
    stress: levers?.defaultStress ?? 1,
    balanceFen: toFen(input.fund.balance),
    cumulativeFen: toFen(input.fund.cumulative),
    atLastResumptionFen: toFen(input.fund.cumulativeAtLastResumption),
    breakerFen: toFen(policy.circuitBreakerCumulative.value),
    yearCapFen: toFen(policy.perEnterpriseYearCap.value),
    topUpFen: levers?.topUp ? toFen(levers.topUp) : 0,
    segments,
    segAlpha,
    segBeta,
    recoveryAlpha,
    recoveryBeta,
    loanCount: n,
    loanSource: loanSrc,
    loanSeg,
    loanEnterprise,
    lossBaseFen,
    fundShareFen,
    recoveredFen,
    enterpriseUsedFen,
    enterpriseCount,
    cohortCount: C,
    cohortSeg: Int32Array.from(cohortSegL),
    cohortState: Int8Array.from(cohortStateL),
    cohortStart: Int16Array.from(cohortStartL),
    cohortMaturity: Int16Array.from(cohortMaturityL),
    cohortOutstandingFen: Float64Array.from(cohortOut),
    cohortProfile,
    profileCount: profileSeg.length,
    profileSeg: Int32Array.from(profileSeg),
    profileState: Int8Array.from(profileState),
    profileDuration: Int16Array.from(profileDuration),
    cohortOffset,
    cohortMembers,
    inClaim: Int32Array.from(inClaim),
    approvedUnpaid: Int32Array.from(approvedUnpaid),
    approvedUnpaidFen: Float64Array.from(approvedUnpaidFen),
    coveredPrincipalFen,
    replayLoans,
    growthLoans,
  };
}
