import { graphql } from '../../gql';
import type {
  BankRisksQuery,
  RiskEventFieldsFragment,
  RiskNoticesQuery,
  SuspensionProposalsQuery,
} from '../../gql/graphql';

/** Types generated from the schema (apps/web/codegen.ts). Ratios and amounts are decimal strings. */
/** A bank's risk ratio at the business date (R4, Art 12), with what the caller may do to it (`viewerCan`). */
export type BankRisk = BankRisksQuery['bankRisks'][number];
export type RiskNotice = RiskNoticesQuery['riskNotices'][number];
export type SuspensionProposal = SuspensionProposalsQuery['suspensionProposals'][number];
export type RiskEvent = RiskEventFieldsFragment;

export const BANK_RISKS_QUERY = graphql(`
  query BankRisks {
    bankRisks {
      bank {
        id
        name
      }
      asOf
      ratio
      level
      numerator
      denominator
      coveredLoans
      atRiskLoans
      suspended
      suspendedSince
      lastWarningOn
      pendingProposalId
      suggestedAction
      viewerCan
    }
  }
`);

export const RISK_NOTICES_QUERY = graphql(`
  query RiskNotices {
    riskNotices {
      id
      bank {
        id
        name
      }
      kind
      businessDate
      ratio
      comment
      issuedBy
      issuerOrganization {
        id
        name
      }
      article
    }
  }
`);

export const SUSPENSION_PROPOSALS_QUERY = graphql(`
  query SuspensionProposals {
    suspensionProposals {
      id
      bank {
        id
        name
      }
      proposedOn
      ratio
      comment
      proposedBy
      status
      decidedOn
      decidedBy
      decisionComment
      viewerCan
    }
  }
`);

export const ISSUE_WARNING_MUTATION = graphql(`
  mutation IssueRiskWarning($bankId: ID!, $comment: String!) {
    issueRiskWarning(bankId: $bankId, comment: $comment) {
      id
    }
  }
`);

export const PROPOSE_SUSPENSION_MUTATION = graphql(`
  mutation ProposeSuspension($bankId: ID!, $comment: String!) {
    proposeSuspension(bankId: $bankId, comment: $comment) {
      id
    }
  }
`);

export const DECIDE_SUSPENSION_MUTATION = graphql(`
  mutation DecideSuspension($proposalId: ID!, $consent: Boolean!, $comment: String!) {
    decideSuspension(proposalId: $proposalId, consent: $consent, comment: $comment) {
      id
      status
    }
  }
`);

export const LIFT_SUSPENSION_MUTATION = graphql(`
  mutation LiftSuspension($bankId: ID!, $comment: String!) {
    liftSuspension(bankId: $bankId, comment: $comment) {
      id
    }
  }
`);

export const SET_BUSINESS_DATE_MUTATION = graphql(`
  mutation SetBusinessDate($date: Date!) {
    setBusinessDate(date: $date)
  }
`);

export const RISK_EVENT_FIELDS = graphql(`
  fragment RiskEventFields on RiskEvent {
    id
    loan {
      id
      contractNo
      bank {
        id
        name
      }
      guarantor {
        id
        name
      }
      enterprise {
        id
        name
      }
    }
    kind
    description
    reportedOn
    reportedBy
    reporterOrganization {
      id
      name
    }
    verified
    verification
    measures
    contractSuspended
    verifiedOn
    verifiedBy
    viewerCan
  }
`);

export const RISK_EVENTS_QUERY = graphql(`
  query RiskEvents($open: Boolean) {
    riskEvents(open: $open) {
      ...RiskEventFields
    }
  }
`);

export const REPORT_RISK_EVENT_MUTATION = graphql(`
  mutation ReportRiskEvent($input: ReportRiskEventInput!) {
    reportRiskEvent(input: $input) {
      ...RiskEventFields
    }
  }
`);

export const VERIFY_RISK_EVENT_MUTATION = graphql(`
  mutation RecordRiskEventVerification(
    $eventId: ID!
    $verification: String!
    $measures: String!
    $contractSuspended: Boolean!
  ) {
    recordRiskEventVerification(
      eventId: $eventId
      verification: $verification
      measures: $measures
      contractSuspended: $contractSuspended
    ) {
      ...RiskEventFields
    }
  }
`);
