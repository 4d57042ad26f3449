import { graphql } from '../../gql';
import type {
  ForecastContributionFieldsFragment,
  ForecastRateEstimateFieldsFragment,
  ForecastTripFieldsFragment,
  FundForecastInput as GeneratedFundForecastInput,
  FundForecastQuery,
  FundForecastSummaryQuery,
} from '../../gql/graphql';

/** Types generated from the schema (apps/web/codegen.ts). */
export type FundForecast = FundForecastQuery['fundForecast'];
export type ForecastScenario = FundForecast['scenarios'][number];
export type ForecastSegment = FundForecast['segments'][number];
/** P(the breaker of Art 19 trips within the months), with its 90 % interval; floats in [0, 1]. */
export type TripProbability = ForecastTripFieldsFragment;
export type RateEstimate = ForecastRateEstimateFieldsFragment;
export type Contribution = ForecastContributionFieldsFragment;
export type FundForecastInput = GeneratedFundForecastInput;
export type ForecastSummary = FundForecastSummaryQuery['fundForecast'];

export const FORECAST_TRIP_FIELDS = graphql(`
  fragment ForecastTripFields on ForecastTripProbability {
    withinMonths
    probability
    low
    high
  }
`);

export const FORECAST_RATE_ESTIMATE_FIELDS = graphql(`
  fragment ForecastRateEstimateFields on ForecastRateEstimate {
    estimate
    exposures
    events
    priorMean
    effectiveSampleSize
  }
`);

export const FORECAST_CONTRIBUTION_FIELDS = graphql(`
  fragment ForecastContributionFields on ForecastContribution {
    key
    bankId
    bankName
    ipOnly
    threeParty
    expectedPayout
    share
  }
`);

export const FUND_FORECAST_QUERY = graphql(`
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
      headline {
        ...ForecastTripFields
      }
      tripProbability {
        ...ForecastTripFields
      }
      scenarios {
        key
        tripProbability {
          ...ForecastTripFields
        }
        tripCurve
        balance {
          month
          date
          mean
          p5
          p50
          p95
        }
        payouts {
          quarter
          mean
          p5
          p95
        }
        expectedTotalPayout
        leverage {
          month
          coveredPrincipal
          expectedBalance
          leverage
        }
        topBanks {
          ...ForecastContributionFields
        }
        topSegments {
          ...ForecastContributionFields
        }
        expectedClaimsApproved
        expectedClaimsHeld
        expectedClaimsRefusedByYearCap
        replayLoans
        growthLoans
      }
      segments {
        key
        bankId
        bankName
        ipOnly
        threeParty
        loans
        outstandingPrincipal
        toOverdue {
          ...ForecastRateEstimateFields
        }
        toClaim {
          ...ForecastRateEstimateFields
        }
        cure {
          ...ForecastRateEstimateFields
        }
      }
      recovery {
        ...ForecastRateEstimateFields
      }
      assumptions {
        key
        value
        source
        note
      }
    }
  }
`);

/** The small query of the home card: the base case's trip probabilities only. */
export const FORECAST_SUMMARY_QUERY = graphql(`
  query FundForecastSummary($input: FundForecastInput!) {
    fundForecast(input: $input) {
      asOf
      paths
      leverage
      balance
      tripProbability {
        ...ForecastTripFields
      }
    }
  }
`);
