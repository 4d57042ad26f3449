import { daysBetween, type IsoDate, type PolicyParameters } from '@ipfund/policy';
import type { BetaPrior, ForecastAssumptions } from './assumptions';
import { addMonths } from './months';

/** Where a loan stands at a month's end, for the transition counts. */
export type MonthState = 'CURRENT' | 'OVERDUE_15' | 'OVERDUE_60' | 'CLOSED';

/** One status a bank reported (the loan_status_reports ledger, Art 12, 16). */
export interface StatusObservation {
  readonly asOf: IsoDate;
  readonly earliestUnpaidDueDate: IsoDate | null;
  readonly closed: boolean;
}

export interface LoanHistory {
  readonly segment: string;
  readonly issuedOn: IsoDate;
  /** Reports in any order. */
  readonly reports: readonly StatusObservation[];
  /** The day a claim was filed on the loan, if one was: it is then past the claim threshold for good. */
  readonly claimFiledOn?: IsoDate | null;
}

/**
 * Day numbers of dates and the month-end anchors back from the forecast date, shared by every loan of an
 * estimation: a portfolio's dates repeat (the same anchors, report days and due dates), so each is
 * parsed once instead of once per loan and month.
 */
class DateBook {
  private readonly days = new Map<string, number>();
  /** Day number of addMonths(asOf, −k), k = 0, 1, … (extended on demand). */
  private readonly anchorDay: number[] = [];

  constructor(private readonly asOf: IsoDate) {}

  day(d: IsoDate): number {
    let n = this.days.get(d);
    if (n === undefined) {
      n = daysBetween(EPOCH, d);
      this.days.set(d, n);
    }
    return n;
  }

  /** Day number of the k-th month end back from the forecast date. */
  anchor(k: number): number {
    while (this.anchorDay.length <= k) {
      const d = addMonths(this.asOf, -this.anchorDay.length);
      this.anchorDay.push(this.day(d));
    }
    return this.anchorDay[k];
  }
}

const EPOCH = '1970-01-01' as IsoDate;

function statesOf(history: LoanHistory, book: DateBook, policy: PolicyParameters): MonthState[] {
  const reports = history.reports
    .map((rep) => ({ day: book.day(rep.asOf), rep }))
    .sort((x, y) => Math.sign(x.day - y.day));
  // The month ends on or after the issue, at most 602 of them (as many as the loop below allows).
  const issued = book.day(history.issuedOn);
  let count = 0;
  for (let k = 0; ; k++) {
    if (book.anchor(k) < issued) break;
    count++;
    if (k > 600) break;
  }
  const claimDay = history.claimFiledOn ? book.day(history.claimFiledOn) : null;
  const claimDays = policy.claimOverdueDays.value;
  const riskDays = policy.riskOverdueDays.value;
  const out: MonthState[] = [];
  let r = -1;
  for (let k = count - 1; k >= 0; k--) {
    const d = book.anchor(k);
    while (r + 1 < reports.length && reports[r + 1].day <= d) r++;
    if (claimDay !== null && claimDay <= d) {
      out.push('OVERDUE_60');
      continue;
    }
    const rep = r >= 0 ? reports[r].rep : null;
    if (rep?.closed) {
      out.push('CLOSED');
      continue;
    }
    const due = rep?.earliestUnpaidDueDate ? book.day(rep.earliestUnpaidDueDate) : null;
    const days = due !== null && due < d ? d - due : 0;
    out.push(days >= claimDays ? 'OVERDUE_60' : days >= riskDays ? 'OVERDUE_15' : 'CURRENT');
  }
  return out;
}

/**
 * The loan's state at each month's end from its first full month to `asOf`, read from the status
 * reports exactly as the portal derives overdue days (R3): the last report on or before the day gives
 * the earliest unpaid due date, and the loan is that many days behind on that day.
 */
export function monthlyStates(history: LoanHistory, asOf: IsoDate, policy: PolicyParameters): MonthState[] {
  return statesOf(history, new DateBook(asOf), policy);
}

/** A monthly probability: observed events out of exposures, shrunk towards a Beta prior. */
export interface RateEstimate {
  /** Months observed in the state the transition leaves. */
  readonly exposures: number;
  /** Of those, months in which the transition happened. */
  readonly events: number;
  readonly prior: BetaPrior;
  /** Posterior mean (α + events) ÷ (α + β + exposures). */
  readonly mean: number;
  /** Effective sample size α + β + exposures; Infinity for a rate given as known. */
  readonly effectiveSampleSize: number;
  /** A known rate (validation, what-ifs): used as is, never sampled. */
  readonly known: boolean;
}

export function shrink(events: number, exposures: number, prior: BetaPrior): RateEstimate {
  const a = prior.alpha + events;
  const b = prior.beta + exposures - events;
  return {
    exposures,
    events,
    prior,
    mean: a / (a + b),
    effectiveSampleSize: a + b,
    known: false,
  };
}

/** A rate taken as known (no estimation uncertainty). */
export function knownRate(p: number): RateEstimate {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`A probability must be in [0, 1], got ${p}`);
  return {
    exposures: 0,
    events: 0,
    prior: { alpha: p, beta: 1 - p },
    mean: p,
    effectiveSampleSize: Infinity,
    known: true,
  };
}

/** The three monthly transitions of a segment. */
export interface SegmentRates {
  /** CURRENT → 15+ days (Art 12). */
  readonly toOverdue: RateEstimate;
  /** 15+ days → 60+ days, the claim threshold (Art 17). */
  readonly toClaim: RateEstimate;
  /** 15+ days → paid up, given it did not reach 60 days. */
  readonly cure: RateEstimate;
}

interface Counts {
  curN: number;
  curK: number;
  odN: number;
  odK: number;
  cureN: number;
  cureK: number;
}

/**
 * Counts each segment's month-to-month transitions in the status history and shrinks them towards the
 * priors of the assumptions. A month in which a loan went from current straight to 60+ days counts as
 * passing through 15+ days within it.
 */
export function estimateTransitions(
  histories: readonly LoanHistory[],
  asOf: IsoDate,
  policy: PolicyParameters,
  assumptions: ForecastAssumptions,
  segments: Iterable<string> = [],
): Map<string, SegmentRates> {
  const counts = new Map<string, Counts>();
  const of = (s: string): Counts => {
    let c = counts.get(s);
    if (!c) {
      c = { curN: 0, curK: 0, odN: 0, odK: 0, cureN: 0, cureK: 0 };
      counts.set(s, c);
    }
    return c;
  };
  for (const s of segments) of(s);
  const book = new DateBook(asOf);
  for (const h of histories) {
    const c = of(h.segment);
    const states = statesOf(h, book, policy);
    for (let i = 0; i + 1 < states.length; i++) {
      const from = states[i];
      const to = states[i + 1];
      if (from === 'CURRENT') {
        c.curN++;
        if (to === 'OVERDUE_15' || to === 'OVERDUE_60') c.curK++;
        if (to === 'OVERDUE_60') {
          c.odN++;
          c.odK++;
        }
      } else if (from === 'OVERDUE_15') {
        c.odN++;
        if (to === 'OVERDUE_60') c.odK++;
        else {
          c.cureN++;
          if (to === 'CURRENT' || to === 'CLOSED') c.cureK++;
        }
      }
    }
  }
  const out = new Map<string, SegmentRates>();
  for (const [s, c] of counts) {
    out.set(s, {
      toOverdue: shrink(c.curK, c.curN, assumptions.priorCurrentTo15.value),
      toClaim: shrink(c.odK, c.odN, assumptions.prior15To60.value),
      cure: shrink(c.cureK, c.cureN, assumptions.prior15Cure.value),
    });
  }
  return out;
}

/** The recovery probability from paid claims and those followed by a recovery (Art 18). */
export function estimateRecovery(
  paidClaims: number,
  claimsWithRecovery: number,
  assumptions: ForecastAssumptions,
): RateEstimate {
  return shrink(Math.min(claimsWithRecovery, paidClaims), paidClaims, assumptions.priorRecovery.value);
}

/** A missing day (no due date, no claim) in the day-number columns below. */
export const NO_DAY = -2_147_483_648;

/**
 * The status history in columns (the API reads it so from PostgreSQL): per loan its segment, issue day
 * and the day a claim was first filed (NO_DAY if none), and its reports in `report*[reportOffset[i] ..
 * reportOffset[i + 1])`, by day ascending, a day's reports in the order they were recorded (the last
 * one holds). Days are day numbers (`dayNumber`).
 */
export interface HistoryColumns {
  readonly count: number;
  readonly segmentKeys: readonly string[];
  readonly segment: Int32Array;
  readonly issuedDay: Int32Array;
  readonly claimFiledDay: Int32Array;
  readonly reportOffset: Int32Array;
  readonly reportDay: Int32Array;
  readonly reportDueDay: Int32Array;
  readonly reportClosed: Uint8Array;
}

/** Loan histories into columns (tests; the API reads the columns directly). */
export function historyColumns(histories: readonly LoanHistory[]): HistoryColumns {
  const n = histories.length;
  const keys: string[] = [];
  const keyIdx = new Map<string, number>();
  const segment = new Int32Array(n);
  const issuedDay = new Int32Array(n);
  const claimFiledDay = new Int32Array(n);
  const reportOffset = new Int32Array(n + 1);
  const day: number[] = [];
  const due: number[] = [];
  const closed: number[] = [];
  const dayOf = (d: IsoDate) => daysBetween(EPOCH, d);
  histories.forEach((h, i) => {
    let s = keyIdx.get(h.segment);
    if (s === undefined) {
      s = keys.length;
      keyIdx.set(h.segment, s);
      keys.push(h.segment);
    }
    segment[i] = s;
    issuedDay[i] = dayOf(h.issuedOn);
    claimFiledDay[i] = h.claimFiledOn ? dayOf(h.claimFiledOn) : NO_DAY;
    const reports = h.reports
      .map((rep) => ({ day: dayOf(rep.asOf), rep }))
      .sort((x, y) => Math.sign(x.day - y.day));
    for (const { day: d, rep } of reports) {
      day.push(d);
      due.push(rep.earliestUnpaidDueDate ? dayOf(rep.earliestUnpaidDueDate) : NO_DAY);
      closed.push(rep.closed ? 1 : 0);
    }
    reportOffset[i + 1] = day.length;
  });
  return {
    count: n,
    segmentKeys: keys,
    segment,
    issuedDay,
    claimFiledDay,
    reportOffset,
    reportDay: Int32Array.from(day),
    reportDueDay: Int32Array.from(due),
    reportClosed: Uint8Array.from(closed),
  };
}

const S_CURRENT = 0;
const S_15 = 1;
const S_60 = 2;
const S_CLOSED = 3;

/**
 * `estimateTransitions` over the history in columns: the same month-end states (R3, as `monthlyStates`
 * derives them) and the same counts, on day numbers, without an object per loan or month. The test in
 * __tests__/estimate.test.ts checks it gives the same estimates on random histories.
 */
export function estimateTransitionsColumns(
  h: HistoryColumns,
  asOf: IsoDate,
  policy: PolicyParameters,
  assumptions: ForecastAssumptions,
  segments: Iterable<string> = [],
): Map<string, SegmentRates> {
  const S = h.segmentKeys.length;
  const c = new Float64Array(S * 6);
  const book = new DateBook(asOf);
  const claimDays = policy.claimOverdueDays.value;
  const riskDays = policy.riskOverdueDays.value;
  for (let l = 0; l < h.count; l++) {
    const base = h.segment[l] * 6;
    const issued = h.issuedDay[l];
    // The month ends on or after the issue, at most 602 of them (as `monthlyStates`).
    let count = 0;
    for (let k = 0; ; k++) {
      if (book.anchor(k) < issued) break;
      count++;
      if (k > 600) break;
    }
    const claimDay = h.claimFiledDay[l];
    const first = h.reportOffset[l];
    const end = h.reportOffset[l + 1];
    let r = first - 1;
    let prev = -1;
    for (let k = count - 1; k >= 0; k--) {
      const d = book.anchor(k);
      while (r + 1 < end && h.reportDay[r + 1] <= d) r++;
      let state: number;
      if (claimDay !== NO_DAY && claimDay <= d) state = S_60;
      else if (r >= first && h.reportClosed[r] === 1) state = S_CLOSED;
      else {
        const due = r >= first ? h.reportDueDay[r] : NO_DAY;
        const days = due !== NO_DAY && due < d ? d - due : 0;
        state = days >= claimDays ? S_60 : days >= riskDays ? S_15 : S_CURRENT;
      }
      // Counts as estimateTransitions: [curN, curK, odN, odK, cureN, cureK].
      if (prev === S_CURRENT) {
        c[base]++;
        if (state === S_15 || state === S_60) c[base + 1]++;
        if (state === S_60) {
          c[base + 2]++;
          c[base + 3]++;
        }
      } else if (prev === S_15) {
        c[base + 2]++;
        if (state === S_60) c[base + 3]++;
        else {
          c[base + 4]++;
          if (state === S_CURRENT || state === S_CLOSED) c[base + 5]++;
        }
      }
      prev = state;
    }
  }
  const out = new Map<string, SegmentRates>();
  const rates = (s: number): SegmentRates => ({
    toOverdue: shrink(c[s * 6 + 1], c[s * 6], assumptions.priorCurrentTo15.value),
    toClaim: shrink(c[s * 6 + 3], c[s * 6 + 2], assumptions.prior15To60.value),
    cure: shrink(c[s * 6 + 5], c[s * 6 + 4], assumptions.prior15Cure.value),
  });
  const none: SegmentRates = {
    toOverdue: shrink(0, 0, assumptions.priorCurrentTo15.value),
    toClaim: shrink(0, 0, assumptions.prior15To60.value),
    cure: shrink(0, 0, assumptions.prior15Cure.value),
  };
  // Same keys in the same order as estimateTransitions: the segments asked for, then those seen.
  for (const key of segments) out.set(key, none);
  h.segmentKeys.forEach((key, s) => out.set(key, rates(s)));
  return out;
}
