import { gql, type TypedDocumentNode } from '@apollo/client';

export type RiskLevel = 'NONE' | 'WARNING' | 'SUSPENSION_PROPOSED';

/** A bank's risk ratio at the business date (R4, Art 12). ratio is a decimal string ("0.0523"). */
export interface BankRisk {
  bank: { id: string; name: string };
  asOf: string;
  ratio: string;
  level: string;
  numerator: string;
  denominator: string;
  coveredLoans: number;
  atRiskLoans: number;
  suspended: boolean;
  suspendedSince: string | null;
  lastWarningOn: string | null;
  pendingProposalId: string | null;
  suggestedAction: string | null;
  /** risk.issueWarning, risk.proposeSuspension, risk.liftSuspension, as the caller may take them now. */
  viewerCan: string[];
}

export const BANK_RISKS_QUERY: TypedDocumentNode<{ bankRisks: BankRisk[] }, Record<string, never>> = gql`
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
`;

export interface RiskNotice {
  id: string;
  bank: { id: string; name: string };
  kind: string;
  businessDate: string;
  ratio: string | null;
  comment: string;
  issuedBy: string;
  issuerOrganization: { id: string; name: string };
  article: string;
}

export const RISK_NOTICES_QUERY: TypedDocumentNode<
  { riskNotices: RiskNotice[] },
  Record<string, never>
> = gql`
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
`;

export interface SuspensionProposal {
  id: string;
  bank: { id: string; name: string };
  proposedOn: string;
  ratio: string;
  comment: string;
  proposedBy: string;
  status: string;
  decidedOn: string | null;
  decidedBy: string | null;
  decisionComment: string | null;
  /** risk.decideSuspension while the proposal waits for the caller's decision. */
  viewerCan: string[];
}

export const SUSPENSION_PROPOSALS_QUERY: TypedDocumentNode<
  { suspensionProposals: SuspensionProposal[] },
  Record<string, never>
> = gql`
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
`;

export const ISSUE_WARNING_MUTATION: TypedDocumentNode<
  { issueRiskWarning: { id: string } },
  { bankId: string; comment: string }
> = gql`
  mutation IssueRiskWarning($bankId: ID!, $comment: String!) {
    issueRiskWarning(bankId: $bankId, comment: $comment) {
      id
    }
  }
`;

export const PROPOSE_SUSPENSION_MUTATION: TypedDocumentNode<
  { proposeSuspension: { id: string } },
  { bankId: string; comment: string }
> = gql`
  mutation ProposeSuspension($bankId: ID!, $comment: String!) {
    proposeSuspension(bankId: $bankId, comment: $comment) {
      id
    }
  }
`;

export const DECIDE_SUSPENSION_MUTATION: TypedDocumentNode<
  { decideSuspension: { id: string; status: string } },
  { proposalId: string; consent: boolean; comment: string }
> = gql`
  mutation DecideSuspension($proposalId: ID!, $consent: Boolean!, $comment: String!) {
    decideSuspension(proposalId: $proposalId, consent: $consent, comment: $comment) {
      id
      status
    }
  }
`;

export const LIFT_SUSPENSION_MUTATION: TypedDocumentNode<
  { liftSuspension: { id: string } },
  { bankId: string; comment: string }
> = gql`
  mutation LiftSuspension($bankId: ID!, $comment: String!) {
    liftSuspension(bankId: $bankId, comment: $comment) {
      id
    }
  }
`;

export const SET_BUSINESS_DATE_MUTATION: TypedDocumentNode<{ setBusinessDate: string }, { date: string }> =
  gql`
    mutation SetBusinessDate($date: Date!) {
      setBusinessDate(date: $date)
    }
  `;

export interface RiskEvent {
  id: string;
  loan: {
    id: string;
    contractNo: string;
    bank: { id: string; name: string };
    guarantor: { id: string; name: string } | null;
    enterprise: { id: string; name: string };
  };
  kind: string;
  description: string;
  reportedOn: string;
  reportedBy: string;
  reporterOrganization: { id: string; name: string };
  verified: boolean;
  verification: string | null;
  measures: string | null;
  contractSuspended: boolean | null;
  verifiedOn: string | null;
  verifiedBy: string | null;
  /** risk.verifyEvent while the caller may record the verification. */
  viewerCan: string[];
}

const RISK_EVENT_FIELDS = gql`
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
`;

export const RISK_EVENTS_QUERY: TypedDocumentNode<{ riskEvents: RiskEvent[] }, { open: boolean | null }> =
  gql`
    query RiskEvents($open: Boolean) {
      riskEvents(open: $open) {
        ...RiskEventFields
      }
    }
    ${RISK_EVENT_FIELDS}
  `;

export const REPORT_RISK_EVENT_MUTATION: TypedDocumentNode<
  { reportRiskEvent: RiskEvent },
  { input: { loanId: string; kind: string; description: string } }
> = gql`
  mutation ReportRiskEvent($input: ReportRiskEventInput!) {
    reportRiskEvent(input: $input) {
      ...RiskEventFields
    }
  }
  ${RISK_EVENT_FIELDS}
`;

export const VERIFY_RISK_EVENT_MUTATION: TypedDocumentNode<
  { recordRiskEventVerification: RiskEvent },
  { eventId: string; verification: string; measures: string; contractSuspended: boolean }
> = gql`
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
  ${RISK_EVENT_FIELDS}
`;
