import { gql, type TypedDocumentNode } from '@apollo/client';

/**
 * The fund's governance (issue 12; Art 3, 5, 6.5, 7, 19, 24): its figures, the finance bureau's capital
 * contributions, the manager's annual work plan and the offices' termination decision. Decimal fields
 * are yuan strings with two decimals ("1500000.00"), never converted to numbers.
 */

export interface FundOverview {
  principalBalance: string | null;
  interestBalance: string | null;
  cumulativeCompensation: string | null;
  committedCompensation: string | null;
  availableForCompensation: string | null;
  cumulativeAtLastResumption: string | null;
  cumulativeSinceResumption: string | null;
  totalContributions: string | null;
  suspended: boolean;
  suspendedSince: string | null;
  terminationStatus: string | null;
  terminationEffectiveOn: string | null;
}

export interface FundOverviewData {
  fundStatus: FundOverview;
  portalInfo: { businessDate: string };
}

export const FUND_OVERVIEW_QUERY: TypedDocumentNode<FundOverviewData, Record<string, never>> = gql`
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
`;

export interface CapitalContribution {
  id: string;
  amount: string;
  contributedOn: string;
  documentRef: string;
  memo: string | null;
  transactionId: string;
  recordedByName: string | null;
  organizationName: string;
  createdAt: string;
}

const CONTRIBUTION_FIELDS = gql`
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
`;

export const CAPITAL_CONTRIBUTIONS_QUERY: TypedDocumentNode<
  { capitalContributions: CapitalContribution[] },
  Record<string, never>
> = gql`
  query CapitalContributions {
    capitalContributions {
      ...CapitalContributionFields
    }
  }
  ${CONTRIBUTION_FIELDS}
`;

export interface RecordContributionInput {
  amount: string;
  contributedOn: string;
  documentRef: string;
  memo: string | null;
  idempotencyKey: string;
}

export const RECORD_CONTRIBUTION_MUTATION: TypedDocumentNode<
  { recordCapitalContribution: CapitalContribution },
  { input: RecordContributionInput }
> = gql`
  mutation RecordCapitalContribution($input: RecordCapitalContributionInput!) {
    recordCapitalContribution(input: $input) {
      ...CapitalContributionFields
    }
  }
  ${CONTRIBUTION_FIELDS}
`;

export type PlanStatus = 'SUBMITTED' | 'RETURNED' | 'APPROVED';

export interface PlanDecision {
  revision: number;
  orgKind: string;
  /** APPROVE or RETURN */
  decision: string;
  comment: string | null;
  businessDate: string;
  userName: string | null;
}

export interface AnnualWorkPlan {
  id: string;
  year: number;
  revision: number;
  status: PlanStatus;
  title: string;
  summary: string;
  plannedLoanVolume: string | null;
  plannedCompensation: string | null;
  plannedEnterprises: number | null;
  submittedOn: string;
  approvedOn: string | null;
  decisions: PlanDecision[];
  viewerCan: string[];
}

const PLAN_FIELDS = gql`
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
`;

export const ANNUAL_WORK_PLANS_QUERY: TypedDocumentNode<
  { annualWorkPlans: AnnualWorkPlan[] },
  Record<string, never>
> = gql`
  query AnnualWorkPlans {
    annualWorkPlans {
      ...AnnualWorkPlanFields
    }
  }
  ${PLAN_FIELDS}
`;

export interface SubmitPlanInput {
  year: number;
  title: string;
  summary: string;
  plannedLoanVolume: string | null;
  plannedCompensation: string | null;
  plannedEnterprises: number | null;
}

export const SUBMIT_PLAN_MUTATION: TypedDocumentNode<
  { submitAnnualPlan: AnnualWorkPlan },
  { input: SubmitPlanInput }
> = gql`
  mutation SubmitAnnualPlan($input: SubmitAnnualPlanInput!) {
    submitAnnualPlan(input: $input) {
      ...AnnualWorkPlanFields
    }
  }
  ${PLAN_FIELDS}
`;

export const APPROVE_PLAN_MUTATION: TypedDocumentNode<
  { approveAnnualPlan: AnnualWorkPlan },
  { planId: string; comment: string | null }
> = gql`
  mutation ApproveAnnualPlan($planId: ID!, $comment: String) {
    approveAnnualPlan(planId: $planId, comment: $comment) {
      ...AnnualWorkPlanFields
    }
  }
  ${PLAN_FIELDS}
`;

export const RETURN_PLAN_MUTATION: TypedDocumentNode<
  { returnAnnualPlan: AnnualWorkPlan },
  { planId: string; reason: string }
> = gql`
  mutation ReturnAnnualPlan($planId: ID!, $reason: String!) {
    returnAnnualPlan(planId: $planId, reason: $reason) {
      ...AnnualWorkPlanFields
    }
  }
  ${PLAN_FIELDS}
`;

export type TerminationStatus = 'PROPOSED' | 'DECLINED' | 'TERMINATED' | 'SETTLED';

export interface TerminationConsent {
  orgKind: string;
  /** CONSENT or DECLINE */
  decision: string;
  comment: string | null;
  businessDate: string;
  userName: string | null;
}

export interface FundTermination {
  id: string;
  status: TerminationStatus;
  reason: string;
  effectiveOn: string;
  proposedOrgKind: string;
  proposedOn: string;
  decidedOn: string | null;
  settledOn: string | null;
  consents: TerminationConsent[];
  viewerCan: string[];
}

const TERMINATION_FIELDS = gql`
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
`;

export const FUND_TERMINATION_QUERY: TypedDocumentNode<
  { fundTermination: FundTermination | null },
  Record<string, never>
> = gql`
  query FundTermination {
    fundTermination {
      ...FundTerminationFields
    }
  }
  ${TERMINATION_FIELDS}
`;

export const PROPOSE_TERMINATION_MUTATION: TypedDocumentNode<
  { proposeFundTermination: FundTermination },
  { input: { reason: string; effectiveOn: string } }
> = gql`
  mutation ProposeFundTermination($input: ProposeFundTerminationInput!) {
    proposeFundTermination(input: $input) {
      ...FundTerminationFields
    }
  }
  ${TERMINATION_FIELDS}
`;

export const CONSENT_TERMINATION_MUTATION: TypedDocumentNode<
  { consentToFundTermination: FundTermination },
  { comment: string | null }
> = gql`
  mutation ConsentToFundTermination($comment: String) {
    consentToFundTermination(comment: $comment) {
      ...FundTerminationFields
    }
  }
  ${TERMINATION_FIELDS}
`;

export const DECLINE_TERMINATION_MUTATION: TypedDocumentNode<
  { declineFundTermination: FundTermination },
  { reason: string }
> = gql`
  mutation DeclineFundTermination($reason: String!) {
    declineFundTermination(reason: $reason) {
      ...FundTerminationFields
    }
  }
  ${TERMINATION_FIELDS}
`;

export const RETURN_BALANCE_MUTATION: TypedDocumentNode<
  { returnFundBalance: FundTermination },
  { idempotencyKey: string }
> = gql`
  mutation ReturnFundBalance($idempotencyKey: String!) {
    returnFundBalance(idempotencyKey: $idempotencyKey) {
      ...FundTerminationFields
    }
  }
  ${TERMINATION_FIELDS}
`;
