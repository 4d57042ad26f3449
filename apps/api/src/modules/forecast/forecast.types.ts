import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DecimalScalar, DateScalar } from '../../graphql/scalars';
import { RateScalar } from '../agreement/rate.scalar';

export enum ForecastTier {
  LOW = 'LOW',
  HIGH = 'HIGH',
}
registerEnumType(ForecastTier, {
  name: 'ForecastTier',
  description:
    'The tier article of the measures: IP-pledged principal below the tier threshold (LOW) or at/above it (HIGH)',
});

export enum ForecastScenarioKey {
  BASE = 'BASE',
  BANK_GROWTH = 'BANK_GROWTH',
  TIER_RATE = 'TIER_RATE',
  TOP_UP = 'TOP_UP',
  BANK_SUSPENDED = 'BANK_SUSPENDED',
  DEFAULT_STRESS = 'DEFAULT_STRESS',
  ALL_LEVERS = 'ALL_LEVERS',
}
registerEnumType(ForecastScenarioKey, {
  name: 'ForecastScenarioKey',
  description: 'The base case, one lever alone, or every lever given at once',
});

@InputType('ForecastBankGrowthInput')
export class ForecastBankGrowthInput {
  @Field(() => ID)
  bankId: string;

  @Field(() => Float, {
    description: "The bank's covered loans grow by this many percent (new borrowers like its current ones)",
  })
  percent: number;
}

@InputType('ForecastTierRateInput')
export class ForecastTierRateInput {
  @Field(() => ForecastTier)
  tier: ForecastTier;

  @Field(() => RateScalar, {
    description: 'The tier\'s rate becomes this, for the cap of Art 11 and every agreement, e.g. "0.25"',
  })
  rate: string;
}

@InputType('ForecastLeversInput', {
  description: 'What-ifs; each is run alone side by side with the base case',
})
export class ForecastLeversInput {
  @Field(() => [ForecastBankGrowthInput], { nullable: true })
  bankGrowth?: ForecastBankGrowthInput[] | null;

  @Field(() => ForecastTierRateInput, { nullable: true })
  tierRate?: ForecastTierRateInput | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The fund receives this top-up in the first month',
  })
  topUp?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'These banks are suspended (Art 12): no new covered loans',
  })
  suspendedBankIds?: string[] | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Monthly default rates multiplied by this factor (1 = as estimated)',
  })
  defaultStress?: number | null;
}

@InputType('FundForecastInput')
export class FundForecastInput {
  @Field(() => Int, { description: 'Months ahead, 1–60 (12, 24 or 36 are the usual views)' })
  horizonMonths: number;

  @Field(() => Int, { description: 'Monte Carlo paths per scenario, 1–10,000; paths × scenarios ≤ 40,000' })
  paths: number;

  @Field(() => Int, { description: 'PRNG seed, 0–4294967295: the same seed gives the same answer' })
  seed: number;

  @Field(() => ForecastLeversInput, { nullable: true })
  levers?: ForecastLeversInput | null;
}

@ObjectType('ForecastTripProbability', {
  description: 'P(the breaker of Art 19 trips within the months), with its 90 % interval; floats in [0, 1]',
})
export class ForecastTripProbabilityType {
  @Field(() => Int)
  withinMonths: number;

  @Field(() => Float)
  probability: number;

  @Field(() => Float)
  low: number;

  @Field(() => Float)
  high: number;
}

@ObjectType('ForecastBalancePoint', {
  description: "The principal account's balance at a month's end: mean and 5/50/95 % quantiles",
})
export class ForecastBalancePointType {
  @Field(() => Int)
  month: number;

  @Field(() => DateScalar)
  date: string;

  @Field(() => DecimalScalar)
  mean: string;

  @Field(() => DecimalScalar)
  p5: string;

  @Field(() => DecimalScalar)
  p50: string;

  @Field(() => DecimalScalar)
  p95: string;
}

@ObjectType('ForecastQuarterPayout', {
  description: 'Compensation paid in a quarter: mean and the 5–95 % band',
})
export class ForecastQuarterPayoutType {
  @Field(() => Int)
  quarter: number;

  @Field(() => DecimalScalar)
  mean: string;

  @Field(() => DecimalScalar)
  p5: string;

  @Field(() => DecimalScalar)
  p95: string;
}

@ObjectType('ForecastLeveragePoint', {
  description: 'Covered principal ÷ the fund, expected at a quarter end',
})
export class ForecastLeveragePointType {
  @Field(() => Int)
  month: number;

  @Field(() => DecimalScalar)
  coveredPrincipal: string;

  @Field(() => DecimalScalar)
  expectedBalance: string;

  @Field(() => Float, { nullable: true, description: 'Null when the expected balance is zero' })
  leverage: number | null;
}

@ObjectType('ForecastContribution', {
  description: 'Expected compensation paid on a bank’s (or segment’s) loans',
})
export class ForecastContributionType {
  @Field()
  key: string;

  @Field(() => ID)
  bankId: string;

  @Field()
  bankName: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Segment: IP-only (true) or combination loans; null for a bank',
  })
  ipOnly: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Segment: with a guarantor (Art 14); null for a bank',
  })
  threeParty: boolean | null;

  @Field(() => DecimalScalar)
  expectedPayout: string;

  @Field(() => Float, { description: 'Share of the expected compensation over the horizon' })
  share: number;
}

@ObjectType('ForecastScenario', { description: 'One case of the forecast: the base or a what-if' })
export class ForecastScenarioType {
  @Field(() => ForecastScenarioKey)
  key: ForecastScenarioKey;

  @Field(() => [ForecastTripProbabilityType])
  tripProbability: ForecastTripProbabilityType[];

  @Field(() => [Float], { description: 'P(tripped by the end of month m), m = 0 … horizon' })
  tripCurve: number[];

  @Field(() => [ForecastBalancePointType])
  balance: ForecastBalancePointType[];

  @Field(() => [ForecastQuarterPayoutType])
  payouts: ForecastQuarterPayoutType[];

  @Field(() => DecimalScalar)
  expectedTotalPayout: string;

  @Field(() => [ForecastLeveragePointType])
  leverage: ForecastLeveragePointType[];

  @Field(() => [ForecastContributionType])
  topBanks: ForecastContributionType[];

  @Field(() => [ForecastContributionType])
  topSegments: ForecastContributionType[];

  @Field(() => Float)
  expectedClaimsApproved: number;

  @Field(() => Float, {
    description: 'Claims due for final approval but held by the breaker at the horizon (Art 19)',
  })
  expectedClaimsHeld: number;

  @Field(() => Float, { description: 'Claims the enterprise-year cap leaves at zero (Art 11)' })
  expectedClaimsRefusedByYearCap: number;

  @Field(() => Int, { description: 'New loans assumed: last year’s lending replayed' })
  replayLoans: number;

  @Field(() => Int, { description: 'Loans added by the growth lever' })
  growthLoans: number;
}

@ObjectType('ForecastRateEstimate', {
  description: 'A monthly transition probability as estimated, with what it rests on',
})
export class ForecastRateEstimateType {
  @Field(() => Float, { description: 'Posterior mean (prior α + events) ÷ (α + β + exposures)' })
  estimate: number;

  @Field(() => Int, { description: 'Loan-months observed in the state the transition leaves' })
  exposures: number;

  @Field(() => Int)
  events: number;

  @Field(() => Float, { description: 'The prior’s mean' })
  priorMean: number;

  @Field(() => Float, { description: 'α + β + exposures: how many observations the estimate is worth' })
  effectiveSampleSize: number;
}

@ObjectType('ForecastSegment', { description: "A bank's loans of one kind and the rates estimated for them" })
export class ForecastSegmentType {
  @Field()
  key: string;

  @Field(() => ID)
  bankId: string;

  @Field()
  bankName: string;

  @Field()
  ipOnly: boolean;

  @Field()
  threeParty: boolean;

  @Field(() => Int, { description: 'Covered loans of the segment still running' })
  loans: number;

  @Field(() => DecimalScalar)
  outstandingPrincipal: string;

  @Field(() => ForecastRateEstimateType, { description: 'Current → 15+ days overdue (Art 12)' })
  toOverdue: ForecastRateEstimateType;

  @Field(() => ForecastRateEstimateType, { description: '15+ days → 60+ days, the claim threshold (Art 17)' })
  toClaim: ForecastRateEstimateType;

  @Field(() => ForecastRateEstimateType, { description: '15+ days → paid up' })
  cure: ForecastRateEstimateType;
}

@ObjectType('ForecastAssumption', {
  description: 'A number of the model that is not in the measures, with its source',
})
export class ForecastAssumptionType {
  @Field()
  key: string;

  @Field()
  value: string;

  @Field()
  source: string;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('FundForecast', {
  description:
    'Issue 13: a seeded Monte Carlo forecast of the fund over the covered portfolio — when the breaker (Art 19) may trip, payouts, balance, leverage, who contributes — with the what-ifs side by side',
})
export class FundForecastType {
  @Field(() => DateScalar)
  asOf: string;

  @Field(() => Int)
  horizonMonths: number;

  @Field(() => Int)
  paths: number;

  @Field(() => Int)
  seed: number;

  @Field(() => DecimalScalar, { description: "The principal account's balance at the business date" })
  balance: string;

  @Field(() => DecimalScalar, { description: 'Σ F finally approved since the last resumption (Art 19)' })
  cumulativeSinceResumption: string;

  @Field(() => DecimalScalar)
  breakerThreshold: string;

  @Field(() => DecimalScalar, { description: 'Outstanding principal of the covered loans still running' })
  coveredPrincipal: string;

  @Field(() => Float, { nullable: true, description: 'Covered principal ÷ balance now' })
  leverage: number | null;

  @Field(() => Int)
  loans: number;

  @Field(() => ForecastTripProbabilityType, {
    description:
      'The base case within the horizon (the first of the base case’s tripProbability at the horizon)',
  })
  headline: ForecastTripProbabilityType;

  @Field(() => [ForecastTripProbabilityType], {
    description: 'The base case within 12, 24, 36 months and the horizon',
  })
  tripProbability: ForecastTripProbabilityType[];

  @Field(() => [ForecastScenarioType], {
    description: 'The base case first, then each lever alone, then all at once',
  })
  scenarios: ForecastScenarioType[];

  @Field(() => [ForecastSegmentType])
  segments: ForecastSegmentType[];

  @Field(() => ForecastRateEstimateType, {
    description: 'Probability that a paid claim yields a recovery (Art 18)',
  })
  recovery: ForecastRateEstimateType;

  @Field(() => [ForecastAssumptionType])
  assumptions: ForecastAssumptionType[];

  @Field({ description: 'Whether the paths ran on worker threads (WORKER) or inline (INLINE)' })
  runMode: string;
}
