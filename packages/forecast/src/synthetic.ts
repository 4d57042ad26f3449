import { Money, Rate, addDays, type IsoDate } from '@ipfund/policy';
import type { LoanHistory, StatusObservation } from './estimate';
import type { ForecastLoan } from './model';
import { addMonths } from './months';
import { Rng } from './rng';

/**
 * Synthetic portfolios and status histories whose true monthly rates are known: the validation tests
 * and the benchmark run on them. Deterministic in the seed.
 */
export interface TrueRates {
  readonly toOverdue: number;
  readonly toClaim: number;
  readonly cure: number;
}

export interface SyntheticPortfolioOptions {
  readonly loans: number;
  readonly banks: number;
  readonly asOf: IsoDate;
  readonly seed: number;
  /** Fixed principal for every loan (yuan, 2 decimals); otherwise 0.5–6 million in steps of 10,000. */
  readonly principal?: string;
  /** Share of combination loans (IP part 60 % of the principal). */
  readonly combinationShare?: number;
  /** Share of three-party loans (guarantor 40 %). */
  readonly guaranteedShare?: number;
  /** Months from the forecast date to maturity: fixed, or 1–36 at random. */
  readonly maturityMonths?: number;
  /** Months since issue: fixed, or 0–35 at random. */
  readonly ageMonths?: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A covered portfolio: every loan current, each to its own enterprise unless `enterprises` is smaller. */
export function syntheticPortfolio(o: SyntheticPortfolioOptions): ForecastLoan[] {
  const rng = new Rng(o.seed, 7_000_001);
  const out: ForecastLoan[] = [];
  const twoParty = { effectiveFrom: '2024-04-07' as IsoDate };
  const threeParty = { effectiveFrom: '2024-04-07' as IsoDate, guarantorRate: Rate.of('0.40') };
  for (let i = 0; i < o.loans; i++) {
    const bank = i % o.banks;
    const principalYuan = o.principal ? null : 50 + rng.int(551);
    const principal = o.principal ? Money.of(o.principal) : Money.of(`${principalYuan! * 10000}.00`);
    const combination = rng.uniform() < (o.combinationShare ?? 0);
    const guaranteed = rng.uniform() < (o.guaranteedShare ?? 0);
    const ip = combination ? principal.times(Rate.of('0.60')) : principal;
    const age = o.ageMonths ?? rng.int(36);
    const maturity = o.maturityMonths ?? 1 + rng.int(36);
    out.push({
      id: `L${pad(i, 7)}`,
      bankId: `B${pad(bank, 3)}`,
      bankName: `银行${bank + 1}`,
      enterpriseId: `E${pad(i, 7)}`,
      principal,
      ipPledgedPrincipal: ip,
      outstandingPrincipal: principal,
      threeParty: guaranteed,
      agreement: guaranteed ? threeParty : twoParty,
      issuedOn: addMonths(o.asOf, -age),
      maturesOn: addMonths(o.asOf, maturity),
      state: 'CURRENT',
    });
  }
  return out;
}

/**
 * Status histories of `loansPerSegment` loans in each of `segments`, observed monthly for `months`
 * months before `asOf` under the true rates: a report at every month's end, 20 days behind for the 15+
 * bucket and 65 days for the claim threshold, after which the loan leaves the history (a claim).
 */
export function syntheticHistory(
  segments: readonly string[],
  loansPerSegment: number,
  months: number,
  asOf: IsoDate,
  rates: TrueRates,
  seed: number,
): LoanHistory[] {
  const rng = new Rng(seed, 7_000_002);
  const out: LoanHistory[] = [];
  const start = addMonths(asOf, -months);
  for (const segment of segments) {
    for (let i = 0; i < loansPerSegment; i++) {
      const reports: StatusObservation[] = [{ asOf: start, earliestUnpaidDueDate: null, closed: false }];
      let state = 0;
      for (let k = 1; k <= months && state !== 2; k++) {
        const d = addMonths(start, k);
        if (state === 0) state = rng.uniform() < rates.toOverdue ? 1 : 0;
        else if (rng.uniform() < rates.toClaim) state = 2;
        else state = rng.uniform() < rates.cure ? 0 : 1;
        reports.push({
          asOf: d,
          earliestUnpaidDueDate: state === 0 ? null : addDays(d, state === 1 ? -20 : -65),
          closed: false,
        });
      }
      out.push({ segment, issuedOn: start, reports });
    }
  }
  return out;
}
