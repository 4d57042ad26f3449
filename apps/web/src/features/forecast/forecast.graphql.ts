import { gql, type TypedDocumentNode } from '@apollo/client';

/** P(the breaker of Art 19 trips within the months), with its 90 % interval; floats in [0, 1]. */
export interface TripProbability {
  withinMonths: number;
  probability: number;
  low: number;
  high: number;
}

export interface BalancePoint {
  month: number;
  date: string;
  mean: string;
  p5: string;
  p50: string;
  p95: string;
}

export interface QuarterPayout {
  quarter: number;
  mean: string;
  p5: string;
  p95: string;
}

export interface Contribution {
  key: string;
  bankId: string;
  bankName: string;
  ipOnly: boolean | null;
  threeParty: boolean | null;
  expectedPayout: string;
  share: number;
}

export interface ForecastScenario {
  key: string;
  tripProbability: TripProbability[];
  tripCurve: number[];
  balance: BalancePoint[];
  payouts: QuarterPayout[];
  expectedTotalPayout: string;
  leverage: { month: number; coveredPrincipal: string; expectedBalance: string; leverage: number | null }[];
  topBanks: Contribution[];
  topSegments: Contribution[];
  expectedClaimsApproved: number;
  expectedClaimsHeld: number;
  expectedClaimsRefusedByYearCap: number;
  replayLoans: number;
  growthLoans: number;
}

export interface RateEstimate {
  estimate: number;
  exposures: number;
  events: number;
  priorMean: number;
  effectiveSampleSize: number;
}

export interface ForecastSegment {
  key: string;
  bankId: string;
  bankName: string;
  ipOnly: boolean;
  threeParty: boolean;
  loans: number;
  outstandingPrincipal: string;
  toOverdue: RateEstimate;
  toClaim: RateEstimate;
  cure: RateEstimate;
}

export interface FundForecast {
  asOf: string;
  horizonMonths: number;
  paths: number;
  seed: number;
  balance: string;
  cumulativeSinceResumption: string;
  breakerThreshold: string;
  coveredPrincipal: string;
  leverage: number | null;
  loans: number;
  headline: TripProbability;
  tripProbability: TripProbability[];
  scenarios: ForecastScenario[];
  segments: ForecastSegment[];
  recovery: RateEstimate;
  assumptions: { key: string; value: string; source: string; note: string | null }[];
  runMode: string;
}

export interface ForecastLeversInput {
  bankGrowth?: { bankId: string; percent: number }[] | null;
  tierRate?: { tier: 'LOW' | 'HIGH'; rate: string } | null;
  topUp?: string | null;
  suspendedBankIds?: string[] | null;
  defaultStress?: number | null;
}

export interface FundForecastInput {
  horizonMonths: number;
  paths: number;
  seed: number;
  levers?: ForecastLeversInput | null;
}

const TRIP = `withinMonths probability low high`;
const RATE = `estimate exposures events priorMean effectiveSampleSize`;

export const FUND_FORECAST_QUERY: TypedDocumentNode<
  { fundForecast: FundForecast },
  { input: FundForecastInput }
> = gql`
  query FundForecast($input: FundForecastInput!) {
    fundForecast(input: $input) {
      asOf
      horizonMonths
      paths
      seed
      balance
      cumulativeSinceResumption
      breakerThreshold
      coveredPrincipal
      leverage
      loans
      runMode
      headline { ${TRIP} }
      tripProbability { ${TRIP} }
      scenarios {
        key
        tripProbability { ${TRIP} }
        tripCurve
        balance { month date mean p5 p50 p95 }
        payouts { quarter mean p5 p95 }
        expectedTotalPayout
        leverage { month coveredPrincipal expectedBalance leverage }
        topBanks { key bankId bankName ipOnly threeParty expectedPayout share }
        topSegments { key bankId bankName ipOnly threeParty expectedPayout share }
        expectedClaimsApproved
        expectedClaimsHeld
        expectedClaimsRefusedByYearCap
        replayLoans
        growthLoans
      }
      segments {
        key bankId bankName ipOnly threeParty loans outstandingPrincipal
        toOverdue { ${RATE} }
        toClaim { ${RATE} }
        cure { ${RATE} }
      }
      recovery { ${RATE} }
      assumptions { key value source note }
    }
  }
`;

/** The small query of the home card: the base case's trip probabilities only. */
export const FORECAST_SUMMARY_QUERY: TypedDocumentNode<
  { fundForecast: Pick<FundForecast, 'asOf' | 'paths' | 'leverage' | 'balance' | 'tripProbability'> },
  { input: FundForecastInput }
> = gql`
  query FundForecastSummary($input: FundForecastInput!) {
    fundForecast(input: $input) {
      asOf
      paths
      leverage
      balance
      tripProbability { ${TRIP} }
    }
  }
`;
