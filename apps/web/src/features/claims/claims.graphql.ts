import { graphql } from '../../gql';
import type {
  ClaimAction,
  ClaimApprovalFieldsFragment,
  ClaimComputationFieldsFragment,
  ClaimDocumentFieldsFragment,
  ClaimDocumentKind as GeneratedClaimDocumentKind,
  ClaimFilter as GeneratedClaimFilter,
  ClaimQuery,
  ClaimSortField as GeneratedClaimSortField,
  ClaimStatus,
  ClaimsQuery,
  FundResumptionVotesQuery,
  FundStatusFieldsFragment,
  LoansForClaimQuery,
  PaidClaimRefsQuery,
  RecoveryFieldsFragment,
} from '../../gql/graphql';

/**
 * The claim module's GraphQL contract (apps/api/src/modules/claim). Types are generated from the
 * schema (apps/web/codegen.ts). Decimal fields are yuan strings with two decimals ("600000.00"); `Date`
 * fields are "YYYY-MM-DD"; `DateTimeISO` fields are ISO instants. Rates ("0.30") are strings too:
 * money never becomes a JS number.
 */

/** ClaimStatus values (R6). */
export type KnownClaimStatus = ClaimStatus;
/** ClaimAction values (R6): what `allowedActions` may contain. */
export type KnownClaimAction = ClaimAction;
export type ClaimDocumentKind = GeneratedClaimDocumentKind;
export type ClaimFilter = GeneratedClaimFilter;
export type ClaimSortField = GeneratedClaimSortField;

/** R5 (Art 11, 14): how the loss base is split, with the limit that bound. */
export type ClaimComputation = ClaimComputationFieldsFragment;
/** A step of a rule with the article of the measures behind it. */
export type PolicyReason = ClaimComputation['reasons'][number];
export type ClaimApproval = ClaimApprovalFieldsFragment;
export type ClaimDocument = ClaimDocumentFieldsFragment;
/** Art 18: a recovery and the fund's share owed back (R × F ÷ B within the policy's days). */
export type Recovery = RecoveryFieldsFragment;
/** One row of the claims list. */
export type ClaimRow = ClaimsQuery['claims']['edges'][number]['node'];
/** The claim drawer: everything about one claim. */
export type ClaimDetail = NonNullable<ClaimQuery['claim']>;
export type ClaimStep = ClaimDetail['history'][number];
/** One of the materials the measures list for a claim (Art 17) and whether it is attached. */
export type ClaimChecklistItem = ClaimDetail['documentChecklist'][number];
/** Totals are null for banks, guarantors and enterprises (DOMAIN.md §2); `suspended` is public. */
export type FundStatus = FundStatusFieldsFragment;
export type FundResumptionVote = FundResumptionVotesQuery['fundResumptionVotes'][number];
/** A loan the bank might file a claim on (R6.2: covered and at least the policy's claim days overdue). */
export type ClaimableLoanCandidate = LoansForClaimQuery['loans']['edges'][number]['node'];
/** Recoveries exist only on paid claims (Art 18): their loans name the rows of 待返还 in one request. */
export type PaidClaimRef = PaidClaimRefsQuery['claims']['edges'][number]['node'];

/**
 * ClaimApproval has no id, so Apollo stores the list inside the claim: the list and the drawer select the
 * same fields, or each write would drop the other's and the two queries would refetch each other.
 */
export const CLAIM_APPROVAL_FIELDS = graphql(`
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
`);

export const CLAIMS_QUERY = graphql(`
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
`);

export const CLAIM_COMPUTATION_FIELDS = graphql(`
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
`);

export const RECOVERY_FIELDS = graphql(`
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
`);

export const CLAIM_DOCUMENT_FIELDS = graphql(`
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
`);

export const CLAIM_QUERY = graphql(`
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
`);

export const OPEN_REMITTANCES_QUERY = graphql(`
  query OpenRemittances {
    openRemittances {
      ...RecoveryFields
    }
  }
`);

/**
 * FundStatus has no id, so Apollo keeps it inside the root query: the claims pages and the ledger
 * select the same fields through this fragment, or each answer would drop the other's.
 */
export const FUND_STATUS_FIELDS = graphql(`
  fragment FundStatusFields on FundStatus {
    principalBalance
    interestBalance
    cumulativeCompensation
    suspended
    viewerCan
  }
`);

export const FUND_STATUS_QUERY = graphql(`
  query ClaimsFundStatus {
    fundStatus {
      ...FundStatusFields
    }
  }
`);

export const FUND_RESUMPTION_VOTES_QUERY = graphql(`
  query FundResumptionVotes {
    fundResumptionVotes {
      orgKind
      comment
      businessDate
      occurredAt
    }
  }
`);

export const LOANS_FOR_CLAIM_QUERY = graphql(`
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
`);

// ---- mutations ----------------------------------------------------------------------------------
// Each answers the claim's id and status; the caller then refetches the active queries (list, drawer,
// fund status), because one step can change the claim, the loan and the fund at once.

export const SUBMIT_CLAIM_MUTATION = graphql(`
  mutation SubmitClaim($input: SubmitClaimInput!) {
    submitClaim(input: $input) {
      id
      status
    }
  }
`);

export const RESUBMIT_CLAIM_MUTATION = graphql(`
  mutation ResubmitClaim($claimId: ID!, $comment: String) {
    resubmitClaim(claimId: $claimId, comment: $comment) {
      id
      status
    }
  }
`);

export const CONFIRM_GUARANTOR_SHARE_MUTATION = graphql(`
  mutation ConfirmGuarantorShare($claimId: ID!, $comment: String) {
    confirmGuarantorShare(claimId: $claimId, comment: $comment) {
      id
      status
    }
  }
`);

export const VERIFY_CLAIM_MUTATION = graphql(`
  mutation VerifyClaim($claimId: ID!, $comment: String) {
    verifyClaim(claimId: $claimId, comment: $comment) {
      id
      status
    }
  }
`);

export const RETURN_CLAIM_MUTATION = graphql(`
  mutation ReturnClaim($claimId: ID!, $comment: String!) {
    returnClaim(claimId: $claimId, comment: $comment) {
      id
      status
    }
  }
`);

export const APPROVE_CLAIM_MUTATION = graphql(`
  mutation ApproveClaim($claimId: ID!, $comment: String) {
    approveClaim(claimId: $claimId, comment: $comment) {
      id
      status
    }
  }
`);

export const REJECT_CLAIM_MUTATION = graphql(`
  mutation RejectClaim($claimId: ID!, $reason: String!) {
    rejectClaim(claimId: $claimId, reason: $reason) {
      id
      status
    }
  }
`);

export const PAY_CLAIM_MUTATION = graphql(`
  mutation PayClaim($claimId: ID!, $idempotencyKey: String!, $comment: String) {
    payClaim(claimId: $claimId, idempotencyKey: $idempotencyKey, comment: $comment) {
      id
      status
    }
  }
`);

/**
 * Not `uploadedAt`: the API answers the new document before the database has filled it in, and
 * selecting it fails the whole answer (INTERNAL_SERVER_ERROR) although the file was stored. The drawer
 * refetches the claim, which lists the document with its time.
 */
export const UPLOAD_CLAIM_DOCUMENT_MUTATION = graphql(`
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
`);

export const RECORD_RECOVERY_MUTATION = graphql(`
  mutation RecordRecovery($input: RecordRecoveryInput!) {
    recordRecovery(input: $input) {
      ...RecoveryFields
    }
  }
`);

export const RECORD_REMITTANCE_MUTATION = graphql(`
  mutation RecordRemittance(
    $recoveryId: ID!
    $idempotencyKey: String!
    $declaration: RemittanceDeclarationInput
  ) {
    recordRemittance(recoveryId: $recoveryId, idempotencyKey: $idempotencyKey, declaration: $declaration) {
      ...RecoveryFields
    }
  }
`);

/** Fund manager: the declared remittance is on the special account's statement (only this posts it). */
export const CONFIRM_REMITTANCE_MUTATION = graphql(`
  mutation ConfirmRemittance($input: ConfirmRemittanceInput!) {
    confirmRemittance(input: $input) {
      ...RecoveryFields
    }
  }
`);

/** Fund manager: the declared remittance is not on the statement; the bank declares again. */
export const REJECT_REMITTANCE_MUTATION = graphql(`
  mutation RejectRemittance($recoveryId: ID!, $reason: String!) {
    rejectRemittance(recoveryId: $recoveryId, reason: $reason) {
      ...RecoveryFields
    }
  }
`);

export const CONSENT_TO_RESUME_FUND_MUTATION = graphql(`
  mutation ConsentToResumeFund($comment: String!) {
    consentToResumeFund(comment: $comment) {
      resumed
      votes
    }
  }
`);

export const PAID_CLAIM_REFS_QUERY = graphql(`
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
`);
