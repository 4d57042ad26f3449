import { gql, type TypedDocumentNode } from '@apollo/client';
import type { OrgKind } from '@ipfund/shared';
import type { Connection } from '../../lib/cursorPager';

/**
 * The claim module's GraphQL contract (apps/api/src/modules/claim), with hand-written types.
 * Decimal fields are yuan strings with two decimals ("600000.00"); `Date` fields are "YYYY-MM-DD";
 * `DateTimeISO` fields are ISO instants. Rates ("0.30") are strings too: money never becomes a JS number.
 */

/** ClaimStatus values known to this client; the API may add more (shown raw). */
export type KnownClaimStatus =
  'SUBMITTED' | 'RETURNED' | 'GUARANTOR_CONFIRMED' | 'VERIFIED' | 'APPROVED' | 'PAID' | 'REJECTED';

/** ClaimAction values (R6): what `allowedActions` may contain. */
export type KnownClaimAction =
  'SUBMIT' | 'RESUBMIT' | 'CONFIRM_GUARANTOR_SHARE' | 'VERIFY' | 'RETURN' | 'APPROVE' | 'REJECT' | 'PAY';

export type ClaimDocumentKind =
  | 'LOAN_CONTRACT'
  | 'PLEDGE_REGISTRATION'
  | 'OVERDUE_PROOF'
  | 'COLLECTION_RECORD'
  | 'GUARANTOR_CONFIRMATION'
  | 'OTHER';

/** One of the materials the measures list for a claim (Art 17) and whether it is attached. */
export interface ClaimChecklistItem {
  kind: ClaimDocumentKind;
  label: string;
  required: boolean;
  present: boolean;
}

export interface OrganizationRef {
  id: string;
  name: string;
  kind: OrgKind;
}

/** A step of a rule with the article of the measures behind it. */
export interface PolicyReason {
  article: string;
  code: string;
  message: string;
}

/** R5 (Art 11, 14): how the loss base is split, with the limit that bound. */
export interface ClaimComputation {
  asOf: string;
  lossBase: string;
  /** LOW or HIGH */
  tier: string;
  tierCapRate: string;
  fundRate: string;
  fundShareBeforeCaps: string;
  fundShareAfterLoanCap: string;
  fundShare: string;
  guarantorRate: string | null;
  guarantorShare: string;
  bankShare: string;
  /** NONE | TIER_RATE | PER_LOAN_CAP | ENTERPRISE_YEAR_CAP */
  limitedBy: string;
  /** Σ over every bank's claims on the borrower in the year: null unless the caller reads every claim. */
  enterpriseYearCompensatedSoFar: string | null;
  /** What the enterprise-year cap took from this claim's fund share (F1 − F). */
  enterpriseYearCapReduction: string;
  reasons: PolicyReason[];
}

export interface ClaimLoanRef {
  id: string;
  contractNo: string;
  bankName: string;
  enterpriseName: string;
  guarantorName: string | null;
  principal: string;
  ipPledgedPrincipal: string;
}

export interface ClaimApproval {
  organization: OrganizationRef;
  /** APPROVED | REJECTED */
  decision: string;
  comment: string | null;
  decidedAt: string;
  businessDate: string;
}

export interface ClaimStep {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  organization: OrganizationRef;
  userDisplayName: string;
  comment: string | null;
  occurredAt: string;
  businessDate: string;
}

export interface ClaimDocument {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  /** GET with the login (saveFile.downloadFile); 404 when missing or not visible. */
  downloadUrl: string;
}

/** Art 18: a recovery and the fund's share owed back (R × F ÷ B within 30 days). */
export interface Recovery {
  id: string;
  claimId: string;
  amount: string;
  receivedOn: string;
  amountOwedToFund: string;
  dueOn: string;
  remittedOn: string | null;
  overdue: boolean;
  /** DUE, DECLARED (the bank's word, awaiting the manager), REJECTED, CONFIRMED (posted), NONE_OWED. */
  remittanceStatus: 'NONE_OWED' | 'DUE' | 'DECLARED' | 'REJECTED' | 'CONFIRMED';
  declaredRemittedOn: string | null;
  declaredReference: string | null;
  rejectionReason: string | null;
  bankStatementRef: string | null;
  /** recovery.remit (declare) for the bank; recovery.confirmRemittance / rejectRemittance for the manager. */
  viewerCan: string[];
}

/** One row of the claims list. */
export interface ClaimRow {
  id: string;
  status: string;
  threeParty: boolean;
  filedOn: string;
  lossBase: string;
  fundShare: string;
  guarantorShare: string;
  bankShare: string;
  loan: Pick<ClaimLoanRef, 'id' | 'contractNo' | 'bankName' | 'enterpriseName'>;
  approvals: ClaimApproval[];
}

/** The claim drawer: everything about one claim. */
export interface ClaimDetail {
  id: string;
  status: string;
  threeParty: boolean;
  filedOn: string;
  overdueDaysAtFiling: number;
  outstandingPrincipal: string;
  lossBase: string;
  fundShare: string;
  guarantorShare: string;
  bankShare: string;
  limitedBy: string;
  filing: ClaimComputation;
  final: ClaimComputation | null;
  approvedOn: string | null;
  paidOn: string | null;
  payoutTransactionId: string | null;
  loan: ClaimLoanRef;
  approvals: ClaimApproval[];
  history: ClaimStep[];
  documents: ClaimDocument[];
  documentChecklist: ClaimChecklistItem[];
  recoveries: Recovery[];
  allowedActions: string[];
  /** The operations the caller may take on this claim now (claim.uploadDocument, recovery.record, …). */
  viewerCan: string[];
}

export interface ClaimsData {
  claims: Connection<ClaimRow>;
}

/** `ClaimFilter` of the API (issue 11), ANDed with what the caller may see. */
export interface ClaimFilter {
  status?: KnownClaimStatus[] | null;
  bankId?: string | null;
  enterprise?: string | null;
  /** Only claims with a step awaiting the caller's own organisation. */
  awaitingMe?: boolean | null;
}

export type ClaimSortField = 'SUBMITTED' | 'FILED_ON' | 'LOSS_BASE' | 'OUTSTANDING_PRINCIPAL';

export interface ClaimsVariables {
  first: number;
  after: string | null;
  filter?: ClaimFilter | null;
  orderBy?: { field: ClaimSortField; direction: 'ASC' | 'DESC' } | null;
}

/**
 * ClaimApproval has no id, so Apollo stores the list inside the claim: the list and the drawer select the
 * same fields, or each write would drop the other's and the two queries would refetch each other.
 */
const APPROVAL_FIELDS = gql`
  fragment ClaimApprovalFields on ClaimApproval {
    organization {
      id
      name
      kind
    }
    decision
    comment
    decidedAt
    businessDate
  }
`;

export const CLAIMS_QUERY: TypedDocumentNode<ClaimsData, ClaimsVariables> = gql`
  query Claims($first: Int, $after: String, $filter: ClaimFilter, $orderBy: ClaimOrder) {
    claims(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node {
          id
          status
          threeParty
          filedOn
          lossBase
          fundShare
          guarantorShare
          bankShare
          loan {
            id
            contractNo
            bankName
            enterpriseName
          }
          approvals {
            ...ClaimApprovalFields
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${APPROVAL_FIELDS}
`;

const COMPUTATION_FIELDS = gql`
  fragment ClaimComputationFields on ClaimComputation {
    asOf
    lossBase
    tier
    tierCapRate
    fundRate
    fundShareBeforeCaps
    fundShareAfterLoanCap
    fundShare
    guarantorRate
    guarantorShare
    bankShare
    limitedBy
    enterpriseYearCompensatedSoFar
    enterpriseYearCapReduction
    reasons {
      article
      code
      message
    }
  }
`;

const RECOVERY_FIELDS = gql`
  fragment RecoveryFields on Recovery {
    id
    claimId
    amount
    receivedOn
    amountOwedToFund
    dueOn
    remittedOn
    overdue
    remittanceStatus
    declaredRemittedOn
    declaredReference
    rejectionReason
    bankStatementRef
    viewerCan
  }
`;

const DOCUMENT_FIELDS = gql`
  fragment ClaimDocumentFields on ClaimDocument {
    id
    kind
    fileName
    contentType
    sizeBytes
    sha256
    uploadedAt
    downloadUrl
  }
`;

export interface ClaimData {
  claim: ClaimDetail | null;
}

export const CLAIM_QUERY: TypedDocumentNode<ClaimData, { id: string }> = gql`
  query Claim($id: ID!) {
    claim(id: $id) {
      id
      status
      threeParty
      filedOn
      overdueDaysAtFiling
      outstandingPrincipal
      lossBase
      fundShare
      guarantorShare
      bankShare
      limitedBy
      filing {
        ...ClaimComputationFields
      }
      final {
        ...ClaimComputationFields
      }
      approvedOn
      paidOn
      payoutTransactionId
      loan {
        id
        contractNo
        bankName
        enterpriseName
        guarantorName
        principal
        ipPledgedPrincipal
      }
      approvals {
        ...ClaimApprovalFields
      }
      history {
        action
        fromStatus
        toStatus
        organization {
          id
          name
          kind
        }
        userDisplayName
        comment
        occurredAt
        businessDate
      }
      documents {
        ...ClaimDocumentFields
      }
      documentChecklist {
        kind
        label
        required
        present
      }
      recoveries {
        ...RecoveryFields
      }
      allowedActions
      viewerCan
    }
  }
  ${APPROVAL_FIELDS}
  ${COMPUTATION_FIELDS}
  ${DOCUMENT_FIELDS}
  ${RECOVERY_FIELDS}
`;

export interface OpenRemittancesData {
  openRemittances: Recovery[];
}

export const OPEN_REMITTANCES_QUERY: TypedDocumentNode<OpenRemittancesData, Record<string, never>> = gql`
  query OpenRemittances {
    openRemittances {
      ...RecoveryFields
    }
  }
  ${RECOVERY_FIELDS}
`;

/** Totals are null for banks, guarantors and enterprises (DOMAIN.md §2); `suspended` is public. */
export interface FundStatus {
  principalBalance: string | null;
  interestBalance: string | null;
  cumulativeCompensation: string | null;
  suspended: boolean;
  /** fund.consentToResume and the ledger postings (ledger.*) the caller may take now. */
  viewerCan: string[];
}

/**
 * FundStatus has no id, so Apollo keeps it inside the root query: the claims pages and the ledger
 * select the same fields through this fragment, or each answer would drop the other's.
 */
export const FUND_STATUS_FIELDS = gql`
  fragment FundStatusFields on FundStatus {
    principalBalance
    interestBalance
    cumulativeCompensation
    suspended
    viewerCan
  }
`;

export const FUND_STATUS_QUERY: TypedDocumentNode<{ fundStatus: FundStatus }, Record<string, never>> = gql`
  query FundStatus {
    fundStatus {
      ...FundStatusFields
    }
  }
  ${FUND_STATUS_FIELDS}
`;

export interface FundResumptionVote {
  orgKind: string;
  comment: string;
  businessDate: string;
  occurredAt: string;
}

export const FUND_RESUMPTION_VOTES_QUERY: TypedDocumentNode<
  { fundResumptionVotes: FundResumptionVote[] },
  Record<string, never>
> = gql`
  query FundResumptionVotes {
    fundResumptionVotes {
      orgKind
      comment
      businessDate
      occurredAt
    }
  }
`;

/** A loan the bank might file a claim on (R6.2: covered and at least the policy's claim days overdue). */
export interface ClaimableLoanCandidate {
  id: string;
  contractNo: string;
  principal: string;
  ipPledgedPrincipal: string;
  outstandingPrincipal: string;
  overdueDays: number;
  status: string;
  covered: boolean;
  enterprise: { id: string; name: string };
  guarantor: { id: string; name: string } | null;
  viewerCan: string[];
}

export const LOANS_FOR_CLAIM_QUERY: TypedDocumentNode<
  { loans: { totalCount: number; edges: { node: ClaimableLoanCandidate }[] } },
  { first: number }
> = gql`
  query LoansForClaim($first: Int) {
    loans(first: $first) {
      totalCount
      edges {
        node {
          id
          contractNo
          principal
          ipPledgedPrincipal
          outstandingPrincipal
          overdueDays
          status
          covered
          enterprise {
            id
            name
          }
          guarantor {
            id
            name
          }
          viewerCan
        }
      }
    }
  }
`;

// ---- mutations ----------------------------------------------------------------------------------
// Each answers the claim's id and status; the caller then refetches the active queries (list, drawer,
// fund status), because one step can change the claim, the loan and the fund at once.

interface ClaimResult {
  id: string;
  status: string;
}

export const SUBMIT_CLAIM_MUTATION: TypedDocumentNode<
  { submitClaim: ClaimResult },
  { input: { loanId: string; idempotencyKey: string; comment: string | null } }
> = gql`
  mutation SubmitClaim($input: SubmitClaimInput!) {
    submitClaim(input: $input) {
      id
      status
    }
  }
`;

type CommentVariables = { claimId: string; comment: string | null };

export const RESUBMIT_CLAIM_MUTATION: TypedDocumentNode<{ resubmitClaim: ClaimResult }, CommentVariables> =
  gql`
    mutation ResubmitClaim($claimId: ID!, $comment: String) {
      resubmitClaim(claimId: $claimId, comment: $comment) {
        id
        status
      }
    }
  `;

export const CONFIRM_GUARANTOR_SHARE_MUTATION: TypedDocumentNode<
  { confirmGuarantorShare: ClaimResult },
  CommentVariables
> = gql`
  mutation ConfirmGuarantorShare($claimId: ID!, $comment: String) {
    confirmGuarantorShare(claimId: $claimId, comment: $comment) {
      id
      status
    }
  }
`;

export const VERIFY_CLAIM_MUTATION: TypedDocumentNode<{ verifyClaim: ClaimResult }, CommentVariables> = gql`
  mutation VerifyClaim($claimId: ID!, $comment: String) {
    verifyClaim(claimId: $claimId, comment: $comment) {
      id
      status
    }
  }
`;

export const RETURN_CLAIM_MUTATION: TypedDocumentNode<
  { returnClaim: ClaimResult },
  { claimId: string; comment: string }
> = gql`
  mutation ReturnClaim($claimId: ID!, $comment: String!) {
    returnClaim(claimId: $claimId, comment: $comment) {
      id
      status
    }
  }
`;

export const APPROVE_CLAIM_MUTATION: TypedDocumentNode<{ approveClaim: ClaimResult }, CommentVariables> = gql`
  mutation ApproveClaim($claimId: ID!, $comment: String) {
    approveClaim(claimId: $claimId, comment: $comment) {
      id
      status
    }
  }
`;

export const REJECT_CLAIM_MUTATION: TypedDocumentNode<
  { rejectClaim: ClaimResult },
  { claimId: string; reason: string }
> = gql`
  mutation RejectClaim($claimId: ID!, $reason: String!) {
    rejectClaim(claimId: $claimId, reason: $reason) {
      id
      status
    }
  }
`;

export const PAY_CLAIM_MUTATION: TypedDocumentNode<
  { payClaim: ClaimResult },
  { claimId: string; idempotencyKey: string; comment: string | null }
> = gql`
  mutation PayClaim($claimId: ID!, $idempotencyKey: String!, $comment: String) {
    payClaim(claimId: $claimId, idempotencyKey: $idempotencyKey, comment: $comment) {
      id
      status
    }
  }
`;

/**
 * Not `uploadedAt`: the API answers the new document before the database has filled it in, and
 * selecting it fails the whole answer (INTERNAL_SERVER_ERROR) although the file was stored. The drawer
 * refetches the claim, which lists the document with its time.
 */
export const UPLOAD_CLAIM_DOCUMENT_MUTATION: TypedDocumentNode<
  { uploadClaimDocument: Omit<ClaimDocument, 'uploadedAt'> },
  {
    input: {
      claimId: string;
      kind: ClaimDocumentKind;
      fileName: string;
      contentType: string;
      contentBase64: string;
    };
  }
> = gql`
  mutation UploadClaimDocument($input: UploadClaimDocumentInput!) {
    uploadClaimDocument(input: $input) {
      id
      kind
      fileName
      contentType
      sizeBytes
      sha256
    }
  }
`;

export const RECORD_RECOVERY_MUTATION: TypedDocumentNode<
  { recordRecovery: Recovery },
  { input: { claimId: string; amount: string; receivedOn: string; idempotencyKey: string } }
> = gql`
  mutation RecordRecovery($input: RecordRecoveryInput!) {
    recordRecovery(input: $input) {
      ...RecoveryFields
    }
  }
  ${RECOVERY_FIELDS}
`;

export const RECORD_REMITTANCE_MUTATION: TypedDocumentNode<
  { recordRemittance: Recovery },
  {
    recoveryId: string;
    idempotencyKey: string;
    declaration?: { remittedOn?: string | null; reference?: string | null } | null;
  }
> = gql`
  mutation RecordRemittance(
    $recoveryId: ID!
    $idempotencyKey: String!
    $declaration: RemittanceDeclarationInput
  ) {
    recordRemittance(recoveryId: $recoveryId, idempotencyKey: $idempotencyKey, declaration: $declaration) {
      ...RecoveryFields
    }
  }
  ${RECOVERY_FIELDS}
`;

/** Fund manager: the declared remittance is on the special account's statement (only this posts it). */
export const CONFIRM_REMITTANCE_MUTATION: TypedDocumentNode<
  { confirmRemittance: Recovery },
  { input: { recoveryId: string; bankStatementRef: string; receivedOn: string } }
> = gql`
  mutation ConfirmRemittance($input: ConfirmRemittanceInput!) {
    confirmRemittance(input: $input) {
      ...RecoveryFields
    }
  }
  ${RECOVERY_FIELDS}
`;

/** Fund manager: the declared remittance is not on the statement; the bank declares again. */
export const REJECT_REMITTANCE_MUTATION: TypedDocumentNode<
  { rejectRemittance: Recovery },
  { recoveryId: string; reason: string }
> = gql`
  mutation RejectRemittance($recoveryId: ID!, $reason: String!) {
    rejectRemittance(recoveryId: $recoveryId, reason: $reason) {
      ...RecoveryFields
    }
  }
  ${RECOVERY_FIELDS}
`;

export const CONSENT_TO_RESUME_FUND_MUTATION: TypedDocumentNode<
  { consentToResumeFund: { resumed: boolean; votes: number } },
  { comment: string }
> = gql`
  mutation ConsentToResumeFund($comment: String!) {
    consentToResumeFund(comment: $comment) {
      resumed
      votes
    }
  }
`;

/** Recoveries exist only on paid claims (Art 18): their loans name the rows of 待返还 in one request. */
export interface PaidClaimRef {
  id: string;
  loan: Pick<ClaimLoanRef, 'id' | 'contractNo' | 'enterpriseName' | 'bankName'>;
}

export const PAID_CLAIM_REFS_QUERY: TypedDocumentNode<
  { claims: { totalCount: number; edges: { node: PaidClaimRef }[] } },
  { first: number }
> = gql`
  query PaidClaimRefs($first: Int) {
    claims(first: $first, status: PAID) {
      totalCount
      edges {
        node {
          id
          loan {
            id
            contractNo
            enterpriseName
            bankName
          }
        }
      }
    }
  }
`;
