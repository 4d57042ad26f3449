export {
  DEFAULT_ASSUMPTIONS,
  FORECAST_LIMITS,
  type BetaPrior,
  type ForecastAssumptions,
  type ForecastParam,
} from './assumptions';
export {
  capForEnterpriseYear,
  claimRules,
  claimTerms,
  claimTermsFen,
  mulDivHalfUp,
  rateFraction,
  rateNumbers,
  remittanceFen,
  timesRate,
  timesRateFen,
  type ClaimAmountsFen,
  type ClaimLoan,
  type ClaimRules,
  type ClaimTerms,
  type RateFraction,
  type RateNumbers,
} from './claim-terms';
export {
  START_STATES,
  dayNumber,
  agreementId,
  dayToIso,
  loanColumns,
  monthsBetweenDays,
  type LoanColumns,
} from './columns';
export {
  NO_DAY,
  estimateRecovery,
  estimateTransitions,
  estimateTransitionsColumns,
  historyColumns,
  type HistoryColumns,
  knownRate,
  monthlyStates,
  shrink,
  type LoanHistory,
  type MonthState,
  type RateEstimate,
  type SegmentRates,
  type StatusObservation,
} from './estimate';
export { fromFen, meanFen, toFen } from './money-fen';
export { addMonths, monthsBetween } from './months';
export {
  ForecastInputError,
  policyUnderLevers,
  prepare,
  segmentKey,
  segmentOf,
  type ForecastInput,
  type ForecastLoan,
  type FundPosition,
  type Levers,
  type LoanStartState,
  type PreparedModel,
  type SegmentInfo,
} from './model';
export { Rng } from './rng';
export { groupPaths, runGroups, type GroupResult, type TraceEvent } from './run';
export {
  summarize,
  type BalancePoint,
  type Contribution,
  type LeveragePoint,
  type QuarterPayout,
  type ScenarioResult,
  type TripProbability,
} from './summarize';
export { forecastScenario, scenariosOf, type Scenario } from './scenarios';
export {
  syntheticHistory,
  syntheticPortfolio,
  type SyntheticPortfolioOptions,
  type TrueRates,
} from './synthetic';
