import { JIANGBEI_2024, Money, type IsoDate, type PolicyParameters } from '@ipfund/policy';
import {
  DEFAULT_ASSUMPTIONS,
  knownRate,
  segmentOf,
  type ForecastAssumptions,
  type ForecastInput,
  type ForecastLoan,
  type SegmentRates,
} from '..';

export const AS_OF = '2026-01-31' as IsoDate;

/** Known rates for every segment of the portfolio. */
export function knownRates(
  loans: readonly ForecastLoan[],
  toOverdue: number,
  toClaim: number,
  cure: number,
): Map<string, SegmentRates> {
  const rates = new Map<string, SegmentRates>();
  for (const l of loans) {
    rates.set(segmentOf(l), {
      toOverdue: knownRate(toOverdue),
      toClaim: knownRate(toClaim),
      cure: knownRate(cure),
    });
  }
  return rates;
}

/** No replayed lending, no recoveries unless asked: the cases the tests reason about by hand. */
export const PLAIN: ForecastAssumptions = {
  ...DEFAULT_ASSUMPTIONS,
  replayLastYearLending: { ...DEFAULT_ASSUMPTIONS.replayLastYearLending, value: false },
};

export function input(
  loans: readonly ForecastLoan[],
  over: Partial<ForecastInput> & { balance?: string; cumulative?: string } = {},
  policy: PolicyParameters = JIANGBEI_2024,
): ForecastInput {
  return {
    loans,
    policy,
    rates: knownRates(loans, 0.01, 0.3, 0.4),
    recovery: knownRate(0),
    assumptions: PLAIN,
    fund: {
      asOf: AS_OF,
      balance: Money.of(over.balance ?? '10000000.00'),
      cumulative: Money.of(over.cumulative ?? '0.00'),
      cumulativeAtLastResumption: Money.zero(),
      enterpriseYearCompensated: new Map(),
    },
    horizonMonths: 36,
    paths: 200,
    seed: 7,
    ...over,
  };
}

let n = 0;
/** A loan: pure IP of `principal`, two-party, maturing in five years, its own enterprise unless given. */
export function loan(over: Partial<ForecastLoan> & { principal?: Money } = {}): ForecastLoan {
  n++;
  const principal = over.principal ?? Money.of('1000000.00');
  return {
    id: `L${String(n).padStart(5, '0')}`,
    bankId: 'bank-a',
    bankName: '甲银行',
    enterpriseId: `E${n}`,
    principal,
    ipPledgedPrincipal: principal,
    outstandingPrincipal: principal,
    threeParty: false,
    agreement: { effectiveFrom: '2024-04-07' },
    issuedOn: '2025-06-30',
    maturesOn: '2031-01-31',
    state: 'CURRENT',
    ...over,
  };
}
