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
import { claimTerms } from './claim-terms';
import type { RateEstimate, SegmentRates } from './estimate';
import { fromFen, toFen } from './money-fen';
import { monthOfYear, monthsBetween } from './months';

/** Where a covered loan stands on the forecast date. */
export type LoanStartState =
  | 'CURRENT'
  | 'OVERDUE_15'
  /** 60+ days behind, no claim filed yet: the bank may file now (Art 17). */
  | 'OVERDUE_60'
  /** A claim is filed and waits for its final approval. */
  | 'IN_CLAIM'
  /** The claim has its final approval (counted in the cumulative figure) but is not paid yet. */
  | 'APPROVED_UNPAID';

export interface ForecastLoan {
  readonly id: string;
  readonly bankId: string;
  readonly bankName: string;
  readonly enterpriseId: string;
  readonly principal: Money;
  readonly ipPledgedPrincipal: Money;
  readonly outstandingPrincipal: Money;
  /** Fund + bank + guarantor (Art 14). */
  readonly threeParty: boolean;
  readonly agreement: CooperationAgreement;
  readonly issuedOn: IsoDate;
  readonly maturesOn: IsoDate;
  readonly state: LoanStartState;
  /** APPROVED_UNPAID: the F that was finally approved. */
  readonly approvedFundShare?: Money;
}

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
  readonly loans: readonly ForecastLoan[];
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
  readonly loanIds: readonly string[];
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

/** What of an agreement a claim depends on: its rates (and its date, which the validation reads). */
function agreementId(a: CooperationAgreement): string {
  return [
    a.fundRateLowTier?.toString(),
    a.fundRateHighTier?.toString(),
    a.guarantorRate?.toString(),
    a.effectiveFrom,
  ].join('/');
}

interface WorkLoan {
  /** Index into the input loans. */
  src: number;
  enterpriseKey: string;
  state: LoanStartState;
  start: number;
  /** Month at whose end a current loan is repaid (H + 1: not within the horizon). */
  maturity: number;
  /** A new loan (replayed lending): outstanding is the full principal. */
  fresh: boolean;
}

/** What the paths need of an input loan, computed once (replays and growth copies reuse it). */
interface LoanFacts {
  segment: number;
  monthsToMaturity: number;
  age: number;
  term: number;
  /** Claim terms with the outstanding principal, and with the full principal (a new loan). */
  current: CachedTerms;
  fresh: CachedTerms | null;
}

interface CachedTerms {
  lossBaseFen: number;
  fundShareFen: number;
  recoveredFen: number;
  outstandingFen: number;
}

/** Compiles the portfolio, the fund and the levers into the model the paths run on. */
export function prepare(input: ForecastInput): PreparedModel {
  validate(input);
  const H = input.horizonMonths;
  const levers = input.levers;
  const policy = policyUnderLevers(input.policy, levers);
  const asOf = input.fund.asOf;
  const a = input.assumptions;
  const suspended = new Set(levers?.suspendedBanks ?? []);
  const clampMonth = (m: number) => Math.max(1, Math.min(H + 1, m));
  const recoveryShare = Rate.of(String(a.recoveryShareOfLoss.value));
  const replay = a.replayLastYearLending.value;

  // Segments and each input loan's facts; loans with the same amounts under the same agreement have the
  // same claim, computed once with the policy functions.
  const segIndex = new Map<string, number>();
  const segments: SegmentInfo[] = [];
  const termsCache = new Map<string, CachedTerms>();
  const termsOf = (l: ForecastLoan, outstanding: Money): CachedTerms => {
    const agreement = agreementUnderLevers(l.agreement, levers);
    const key = `${l.principal.toString()}|${l.ipPledgedPrincipal.toString()}|${outstanding.toString()}|${l.threeParty}|${agreementId(agreement)}`;
    let cached = termsCache.get(key);
    if (!cached) {
      let terms: ReturnType<typeof claimTerms>;
      try {
        terms = claimTerms(
          {
            principal: l.principal,
            ipPledgedPrincipal: l.ipPledgedPrincipal,
            outstandingPrincipal: outstanding,
            threeParty: l.threeParty,
            agreement,
          },
          policy,
        );
      } catch (err) {
        if (err instanceof PolicyError)
          throw new ForecastInputError(`Loan ${l.id}: ${err.message}`, err.article);
        throw err;
      }
      cached = {
        lossBaseFen: terms.lossBaseFen,
        fundShareFen: terms.fundShareFen,
        recoveredFen: toFen(fromFen(terms.lossBaseFen).times(recoveryShare)),
        outstandingFen: toFen(outstanding),
      };
      termsCache.set(key, cached);
    }
    return cached;
  };
  // Loans share a handful of dates: month counts computed once per pair.
  const monthsMemo = new Map<string, number>();
  const months = (from: IsoDate, to: IsoDate): number => {
    const key = from + to;
    let v = monthsMemo.get(key);
    if (v === undefined) {
      v = monthsBetween(from, to);
      monthsMemo.set(key, v);
    }
    return v;
  };
  const facts: LoanFacts[] = input.loans.map((l) => {
    const ipOnly = l.ipPledgedPrincipal.eq(l.principal);
    const key = segmentKey(l.bankId, ipOnly, l.threeParty);
    let s = segIndex.get(key);
    if (s === undefined) {
      s = segments.length;
      segIndex.set(key, s);
      segments.push({ key, bankId: l.bankId, bankName: l.bankName, ipOnly, threeParty: l.threeParty });
    }
    const age = months(l.issuedOn, asOf);
    const replayed = replay && !suspended.has(l.bankId) && age >= 0 && age <= 11;
    return {
      segment: s,
      monthsToMaturity: months(asOf, l.maturesOn),
      age,
      term: Math.max(1, months(l.issuedOn, l.maturesOn)),
      current: termsOf(l, l.outstandingPrincipal),
      fresh: replayed ? termsOf(l, l.principal) : null,
    };
  });

  const work: WorkLoan[] = [];
  input.loans.forEach((loan, src) => {
    work.push({
      src,
      enterpriseKey: loan.enterpriseId,
      state: loan.state,
      start: 0,
      maturity: clampMonth(facts[src].monthsToMaturity),
      fresh: false,
    });
  });

  // Growth: the bank's loans again, round-robin in input order, each to a new borrower (own year cap).
  let growthLoans = 0;
  for (const g of levers?.bankGrowth ?? []) {
    if (suspended.has(g.bankId)) continue;
    const own: number[] = [];
    input.loans.forEach((l, i) => {
      if (l.bankId === g.bankId && (l.state === 'CURRENT' || l.state === 'OVERDUE_15')) own.push(i);
    });
    const extra = own.length ? Math.round((own.length * g.percent) / 100) : 0;
    for (let i = 0; i < extra; i++) {
      const src = own[i % own.length];
      work.push({
        src,
        enterpriseKey: `${input.loans[src].enterpriseId}#growth${i}`,
        state: 'CURRENT',
        start: 0,
        maturity: clampMonth(facts[src].monthsToMaturity),
        fresh: false,
      });
      growthLoans++;
    }
  }

  // Replay: last year's lending lent again a year later, and again, by banks not suspended.
  let replayLoans = 0;
  input.loans.forEach((loan, src) => {
    const f = facts[src];
    if (!f.fresh) return;
    for (let start = 12 - f.age; start < H; start += 12) {
      if (start < 1) continue;
      work.push({
        src,
        enterpriseKey: loan.enterpriseId,
        state: 'CURRENT',
        start,
        maturity: clampMonth(start + f.term),
        fresh: true,
      });
      replayLoans++;
    }
  });

  const entIndex = new Map<string, number>();
  const n = work.length;
  const loanSeg = new Int32Array(n);
  const loanEnterprise = new Int32Array(n);
  const lossBaseFen = new Float64Array(n);
  const fundShareFen = new Float64Array(n);
  const recoveredFen = new Float64Array(n);
  const outstandingFen = new Float64Array(n);
  const loanIds: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const w = work[i];
    const f = facts[w.src];
    loanSeg[i] = f.segment;
    let e = entIndex.get(w.enterpriseKey);
    if (e === undefined) {
      e = entIndex.size;
      entIndex.set(w.enterpriseKey, e);
    }
    loanEnterprise[i] = e;
    loanIds[i] = input.loans[w.src].id;
    const t = w.fresh && f.fresh ? f.fresh : f.current;
    lossBaseFen[i] = t.lossBaseFen;
    fundShareFen[i] = t.fundShareFen;
    recoveredFen[i] = t.recoveredFen;
    outstandingFen[i] = t.outstandingFen;
  }

  const enterpriseUsedFen = new Float64Array(entIndex.size);
  for (const [id, m] of input.fund.enterpriseYearCompensated) {
    const e = entIndex.get(id);
    if (e !== undefined) enterpriseUsedFen[e] = toFen(m);
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

  // Cohorts of exchangeable loans.
  const cohortKey = new Map<string, number>();
  const cohortLists: number[][] = [];
  const cohortMeta: { seg: number; state: number; start: number; maturity: number; out: number }[] = [];
  const inClaim: number[] = [];
  const approvedUnpaid: number[] = [];
  const approvedUnpaidFen: number[] = [];
  let coveredPrincipalFen = 0;
  for (let i = 0; i < n; i++) {
    const w = work[i];
    if (w.start === 0) coveredPrincipalFen += outstandingFen[i];
    if (w.state === 'IN_CLAIM') {
      inClaim.push(i);
      continue;
    }
    if (w.state === 'APPROVED_UNPAID') {
      approvedUnpaid.push(i);
      approvedUnpaidFen.push(toFen(input.loans[w.src].approvedFundShare ?? Money.zero()));
      continue;
    }
    const state = w.state === 'CURRENT' ? STATE_CURRENT : w.state === 'OVERDUE_15' ? STATE_15 : STATE_60;
    const k = `${loanSeg[i]}|${state}|${w.start}|${w.maturity}`;
    let c = cohortKey.get(k);
    if (c === undefined) {
      c = cohortLists.length;
      cohortKey.set(k, c);
      cohortLists.push([]);
      cohortMeta.push({ seg: loanSeg[i], state, start: w.start, maturity: w.maturity, out: 0 });
    }
    cohortLists[c].push(i);
    cohortMeta[c].out += outstandingFen[i];
  }
  const C = cohortLists.length;
  const cohortOffset = new Int32Array(C + 1);
  for (let c = 0; c < C; c++) cohortOffset[c + 1] = cohortOffset[c] + cohortLists[c].length;
  const cohortMembers = new Int32Array(cohortOffset[C]);
  cohortLists.forEach((list, c) => cohortMembers.set(list, cohortOffset[c]));

  // Profiles: cohorts that differ only in their start share the chain, shifted.
  const profileKey = new Map<number, number>();
  const cohortProfile = new Int32Array(C);
  const profileSeg: number[] = [];
  const profileState: number[] = [];
  const profileDuration: number[] = [];
  for (let c = 0; c < C; c++) {
    const { seg, state, start, maturity } = cohortMeta[c];
    const duration = state === STATE_60 ? 0 : maturity - start;
    const key = (seg * 3 + state) * (H + 2) + duration;
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
    loanIds,
    loanSeg,
    loanEnterprise,
    lossBaseFen,
    fundShareFen,
    recoveredFen,
    enterpriseUsedFen,
    enterpriseCount: entIndex.size,
    cohortCount: C,
    cohortSeg: Int32Array.from(cohortMeta.map((m) => m.seg)),
    cohortState: Int8Array.from(cohortMeta.map((m) => m.state)),
    cohortStart: Int16Array.from(cohortMeta.map((m) => m.start)),
    cohortMaturity: Int16Array.from(cohortMeta.map((m) => m.maturity)),
    cohortOutstandingFen: Float64Array.from(cohortMeta.map((m) => m.out)),
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
