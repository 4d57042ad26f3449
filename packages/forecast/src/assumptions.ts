/**
 * The model's own numbers. None of them is in the measures: each is stated here with its source, like a
 * policy parameter carries its article, so a reader of a forecast can see what was assumed and why.
 */

/** One number of the model with where it comes from (a policy parameter names its article instead). */
export interface ForecastParam<T> {
  readonly value: T;
  /** Where the number comes from: an article it is anchored on, a statistic, or "assumption". */
  readonly source: string;
  readonly note?: string;
}

/** A Beta(α, β) prior for a monthly probability: mean α ÷ (α + β), worth α + β observed months. */
export interface BetaPrior {
  readonly alpha: number;
  readonly beta: number;
}

export interface ForecastAssumptions {
  /** Monthly probability that a current loan becomes 15+ days overdue (Art 12's risk bucket). */
  readonly priorCurrentTo15: ForecastParam<BetaPrior>;
  /** Monthly probability that a 15+ day loan reaches the claim threshold of 60 days (Art 17). */
  readonly prior15To60: ForecastParam<BetaPrior>;
  /** Monthly probability that a 15+ day loan that does not reach 60 days is cured (paid up). */
  readonly prior15Cure: ForecastParam<BetaPrior>;
  /** Probability that a paid claim is followed by a recovery the bank must share (Art 18). */
  readonly priorRecovery: ForecastParam<BetaPrior>;
  /** Recovered amount R as a share of the claim's loss base B. */
  readonly recoveryShareOfLoss: ForecastParam<number>;
  /** Months from the payout to the recovery's remittance (disposal of the pledge, then Art 18's 30 days). */
  readonly recoveryDelayMonths: ForecastParam<number>;
  /** Months from reaching 60 days overdue to the third co-signature (Art 17's procedure). */
  readonly approvalLagMonths: ForecastParam<number>;
  /**
   * Months after the breaker trips until the offices and the manager resume (Art 19), or null: no
   * resumption within the horizon (the measures set no date; resumption is a joint decision).
   */
  readonly resumptionAfterMonths: ForecastParam<number | null>;
  /** Each bank's lending of the last 12 months is lent again, month for month, in each later year. */
  readonly replayLastYearLending: ForecastParam<boolean>;
}

export const DEFAULT_ASSUMPTIONS: ForecastAssumptions = Object.freeze({
  priorCurrentTo15: {
    value: { alpha: 1, beta: 65.7 },
    source:
      'Assumption anchored on Art 12: a book at the 5 % warning ratio whose 15+ day arrears last about three months has about 1.7 % of it falling 15 days behind each month; the prior mean is 1.5 %',
    note: 'Worth about 67 observed loan-months: a segment with a few years of history outweighs it',
  },
  prior15To60: {
    value: { alpha: 3, beta: 7 },
    source:
      'Assumption (no published statistic for this programme): about 30 % of loans 15+ days behind reach the claim threshold of Art 17 (60 days) within a month',
    note: 'Worth 10 observed loan-months',
  },
  prior15Cure: {
    value: { alpha: 4, beta: 6 },
    source: 'Assumption: about 40 % of 15+ day arrears that do not deepen are paid up within a month',
    note: 'Worth 10 observed loan-months',
  },
  priorRecovery: {
    value: { alpha: 3, beta: 7 },
    source:
      'Assumption: about 30 % of compensated loans yield a recovery from the pledged IP (Art 18); estimated from the recoveries once claims have been paid',
    note: 'Worth 10 paid claims',
  },
  recoveryShareOfLoss: {
    value: 0.2,
    source: 'Assumption: disposal of pledged patents and trademarks recovers about 20 % of the loss base',
  },
  recoveryDelayMonths: {
    value: 12,
    source: 'Assumption: about a year from payout to disposal, then remittance within 30 days (Art 18)',
  },
  approvalLagMonths: {
    value: 2,
    source:
      "Assumption on Art 17's procedure: filing at 60 days, guarantor's confirmation, verification and the three co-signatures take about two months",
  },
  resumptionAfterMonths: {
    value: null,
    source:
      'Art 19: resumption is a joint decision of the three offices with the manager; no date is assumed',
  },
  replayLastYearLending: {
    value: true,
    source:
      'Assumption: each bank lends in each coming year what it lent in the last 12 months (same terms, same borrowers), unless suspended (Art 12)',
  },
}) as ForecastAssumptions;

/** Input limits: one request cannot stall the server. */
export const FORECAST_LIMITS = Object.freeze({
  /** Paths of one scenario. */
  maxPaths: 10_000,
  /** Months ahead. */
  maxHorizonMonths: 60,
  /** Paths × scenarios (base + each lever) of one request. */
  maxTotalPaths: 40_000,
  /** Parameter draws: paths are split into this many groups, each with its own draw of the rates. */
  drawGroups: 40,
  /** Default stress factor range. */
  maxStressFactor: 10,
  maxGrowthPercent: 1000,
});
