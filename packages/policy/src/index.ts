export { Money, Rate } from './money';
export {
  addDays,
  businessDateInShanghai,
  compareDates,
  daysBetween,
  isIsoDate,
  toIsoDate,
  yearOf,
  type IsoDate,
} from './dates';
export { PolicyError, reason, type PolicyReason, type PolicyViolation } from './reasons';
export {
  COLLATERAL_KINDS,
  LOAN_PURPOSES,
  OFFICE_KINDS,
  ORG_KINDS,
  PERMITTED_LOAN_PURPOSES,
  PROGRAMME_KINDS,
  PROHIBITED_LOAN_PURPOSES,
  isOfficeKind,
  isProgrammeKind,
  type CollateralKind,
  type LoanPurpose,
  type OfficeKind,
  type OrgKind,
  type ProgrammeKind,
} from './types';
export {
  JIANGBEI_2024,
  PARAMETER_KEYS,
  PROVISION_KEYS,
  agreedFundRate,
  selectPolicy,
  tierCapRate,
  tierOf,
  validateAgreement,
  validatePolicy,
  type CooperationAgreement,
  type PolicyParam,
  type PolicyParameters,
  type PolicyProvision,
  type ProvisionKey,
  type Tier,
} from './policy';
export { OTHER_DISTRICT_2025 } from './fixture-district';
export { DEFAULT_POLICY_SET_ID, POLICIES, findPolicySet, type PolicySet } from './registry';
export {
  checkFundOutflow,
  FUND_OUTFLOW_PURPOSES,
  type FundAccount,
  type FundOutflowCheck,
  type FundOutflowInput,
  type FundOutflowPurpose,
} from './fund';
export {
  isSuspendedOn,
  loanCoverage,
  type CollateralItem,
  type CoverageResult,
  type LoanCoverageInput,
  type LoanKind,
  type SuspensionPeriod,
} from './coverage';
export {
  assessOverdue,
  overdueDays,
  resolveOverdueDays,
  type OverdueAssessment,
  type OverdueFact,
} from './overdue';
export {
  bankRiskRatio,
  bankRiskRatioOfTotals,
  isAtRisk,
  type BankRiskRatio,
  type RiskLevel,
  type RiskLoan,
  type RiskTotals,
} from './risk';
export {
  computeCompensation,
  sumEnterpriseYearCompensation,
  type CompensationInput,
  type CompensationLimit,
  type CompensationResult,
} from './compensation';
export {
  CLAIM_ACTIONS,
  CLAIM_STATES,
  CLAIM_TRANSITION_RULES,
  allowedClaimActions,
  claimEligibility,
  draftClaim,
  isFinalApproval,
  nextClaimState,
  type ClaimAction,
  type ClaimContext,
  type ClaimEligibility,
  type ClaimEligibilityInput,
  type ClaimRefusalKind,
  type ClaimSnapshot,
  type ClaimState,
  type ClaimTransition,
} from './claim';
export {
  circuitBreaker,
  isFundSuspended,
  type CircuitBreakerInput,
  type CircuitBreakerResult,
  type FundCumulative,
} from './circuit-breaker';
export {
  computeRemittance,
  isRemittanceOverdue,
  type RemittanceInput,
  type RemittanceResult,
} from './recovery';
export {
  EVALUATION_CRITERIA,
  JUDGED_CRITERIA,
  evaluatePartners,
  halfYear,
  halfYearOf,
  isHalfYear,
  parseJudgedScore,
  weightsSumToOne,
  type EvaluationCriterion,
  type EvaluationWeights,
  type HalfYear,
  type JudgedCriterion,
  type JudgedScores,
  type PartnerEvaluation,
  type PartnerIndicators,
} from './evaluation';
export {
  CLAIM_DOCUMENT_KINDS,
  claimChecklist,
  type ChecklistItem,
  type ClaimChecklist,
  type ClaimDocumentKind,
  type ClaimDocumentRequirement,
} from './claim-documents';
