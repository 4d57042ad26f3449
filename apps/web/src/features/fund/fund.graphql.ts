import { graphql } from '../../gql';
import type {
  AnnualWorkPlanFieldsFragment,
  AnnualPlanStatus,
  CapitalContributionFieldsFragment,
  FundOverviewQuery,
  FundTerminationFieldsFragment,
  FundTerminationStatus,
  RecordCapitalContributionInput,
  SubmitAnnualPlanInput,
} from '../../gql/graphql';

/**
 * The fund's governance (issue 12; Art 3, 5, 6.5, 7, 19, 24): its figures, the finance bureau's capital
 * contributions, the manager's annual work plan and the offices' termination decision. Decimal fields
 * are yuan strings with two decimals ("1500000.00"), never converted to numbers. Types generated from
 * the schema (apps/web/codegen.ts).
 */
export type FundOverviewData = FundOverviewQuery;
export type FundOverview = FundOverviewQuery['fundStatus'];
export type CapitalContribution = CapitalContributionFieldsFragment;
export type RecordContributionInput = RecordCapitalContributionInput;
export type PlanStatus = AnnualPlanStatus;
export type AnnualWorkPlan = AnnualWorkPlanFieldsFragment;
export type PlanDecision = AnnualWorkPlan['decisions'][number];
export type SubmitPlanInput = SubmitAnnualPlanInput;
export type TerminationStatus = FundTerminationStatus;
export type FundTermination = FundTerminationFieldsFragment;
export type TerminationConsent = FundTermination['consents'][number];

export const FUND_OVERVIEW_QUERY = graphql(`
  query FundOverview {
    fundStatus {
      principalBalance
      interestBalance
      cumulativeCompensation
      committedCompensation
      availableForCompensation
      cumulativeAtLastResumption
      cumulativeSinceResumption
      totalContributions
      suspended
      suspendedSince
      terminationStatus
      terminationEffectiveOn
    }
    portalInfo {
      businessDate
    }
  }
`);

export const CAPITAL_CONTRIBUTION_FIELDS = graphql(`
  fragment CapitalContributionFields on CapitalContribution {
    id
    amount
    contributedOn
    documentRef
    memo
    transactionId
    recordedByName
    organizationName
    createdAt
  }
`);

export const CAPITAL_CONTRIBUTIONS_QUERY = graphql(`
  query CapitalContributions {
    capitalContributions {
      ...CapitalContributionFields
    }
  }
`);

export const RECORD_CONTRIBUTION_MUTATION = graphql(`
  mutation RecordCapitalContribution($input: RecordCapitalContributionInput!) {
    recordCapitalContribution(input: $input) {
      ...CapitalContributionFields
    }
  }
`);

export const ANNUAL_WORK_PLAN_FIELDS = graphql(`
  fragment AnnualWorkPlanFields on AnnualWorkPlan {
    id
    year
    revision
    status
    title
    summary
    plannedLoanVolume
    plannedCompensation
    plannedEnterprises
    submittedOn
    approvedOn
    decisions {
      revision
      orgKind
      decision
      comment
      businessDate
      userName
    }
    viewerCan
  }
`);

export const ANNUAL_WORK_PLANS_QUERY = graphql(`
  query AnnualWorkPlans {
    annualWorkPlans {
      ...AnnualWorkPlanFields
    }
  }
`);

export const SUBMIT_PLAN_MUTATION = graphql(`
  mutation SubmitAnnualPlan($input: SubmitAnnualPlanInput!) {
    submitAnnualPlan(input: $input) {
      ...AnnualWorkPlanFields
    }
  }
`);

export const APPROVE_PLAN_MUTATION = graphql(`
  mutation ApproveAnnualPlan($planId: ID!, $comment: String) {
    approveAnnualPlan(planId: $planId, comment: $comment) {
      ...AnnualWorkPlanFields
    }
  }
`);

export const RETURN_PLAN_MUTATION = graphql(`
  mutation ReturnAnnualPlan($planId: ID!, $reason: String!) {
    returnAnnualPlan(planId: $planId, reason: $reason) {
      ...AnnualWorkPlanFields
    }
  }
`);

export const FUND_TERMINATION_FIELDS = graphql(`
  fragment FundTerminationFields on FundTermination {
    id
    status
    reason
    effectiveOn
    proposedOrgKind
    proposedOn
    decidedOn
    settledOn
    consents {
      orgKind
      decision
      comment
      businessDate
      userName
    }
    viewerCan
  }
`);

export const FUND_TERMINATION_QUERY = graphql(`
  query FundTermination {
    fundTermination {
      ...FundTerminationFields
    }
  }
`);

export const PROPOSE_TERMINATION_MUTATION = graphql(`
  mutation ProposeFundTermination($input: ProposeFundTerminationInput!) {
    proposeFundTermination(input: $input) {
      ...FundTerminationFields
    }
  }
`);

export const CONSENT_TERMINATION_MUTATION = graphql(`
  mutation ConsentToFundTermination($comment: String) {
    consentToFundTermination(comment: $comment) {
      ...FundTerminationFields
    }
  }
`);

export const DECLINE_TERMINATION_MUTATION = graphql(`
  mutation DeclineFundTermination($reason: String!) {
    declineFundTermination(reason: $reason) {
      ...FundTerminationFields
    }
  }
`);

export const RETURN_BALANCE_MUTATION = graphql(`
  mutation ReturnFundBalance($idempotencyKey: String!) {
    returnFundBalance(idempotencyKey: $idempotencyKey) {
      ...FundTerminationFields
    }
  }
`);
