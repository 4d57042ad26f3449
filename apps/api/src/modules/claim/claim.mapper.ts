import type { ClaimEntity, ClaimDocumentEntity, RecoveryEntity, StoredComputation } from './claim.entity';
import { claimDocumentUrl } from './claim-document.download';
import {
  ClaimDocumentKind,
  ClaimStatus,
  RemittanceStatus,
  type ClaimComputationType,
  type ClaimDocumentType,
  type ClaimType,
  type RecoveryType,
} from './claim.types';
import { Money, isRemittanceOverdue, type IsoDate } from '@ipfund/policy';

/**
 * Who may see the enterprise-year total: it sums every bank's claims on a shared borrower, so only
 * a caller who reads every claim (the programme) gets it; a bank sees by how much the cap reduced
 * its own share, never what other banks received (DOMAIN.md §2).
 */
export interface ClaimAudience {
  readsAllClaims: boolean;
}

function computation(c: StoredComputation, audience: ClaimAudience): ClaimComputationType {
  return {
    ...c,
    enterpriseYearCompensatedSoFar: audience.readsAllClaims ? c.enterpriseYearCompensatedSoFar : null,
    enterpriseYearCapReduction: Money.of(c.fundShareAfterLoanCap).minus(Money.of(c.fundShare)).toString(),
    reasons: c.reasons.map((r) => ({ article: r.article, code: r.code, message: r.message })),
  };
}

/** Entity → GraphQL, field by field. The effective split is the final one once approved. */
export function toClaimType(claim: ClaimEntity, audience: ClaimAudience): ClaimType {
  const final = claim.finalFundShare !== null;
  return {
    id: claim.id,
    status: claim.status as ClaimStatus,
    threeParty: claim.threeParty,
    filedOn: claim.filedOn,
    overdueDaysAtFiling: claim.overdueDaysAtFiling,
    outstandingPrincipal: claim.outstandingPrincipal,
    lossBase: claim.lossBase,
    fundShare: final ? claim.finalFundShare! : claim.fundShare,
    guarantorShare: final ? claim.finalGuarantorShare! : claim.guarantorShare,
    bankShare: final ? claim.finalBankShare! : claim.bankShare,
    limitedBy: final ? claim.finalLimitedBy! : claim.limitedBy,
    // Built when the response asks for them (a list page usually does not): each is decimal
    // arithmetic over the stored computation.
    get filing() {
      return computation(claim.computation, audience);
    },
    get final() {
      return claim.finalComputation ? computation(claim.finalComputation, audience) : null;
    },
    approvedOn: claim.approvedOn,
    paidOn: claim.paidOn,
    payoutTransactionId: claim.payoutTransactionId,
    loanId: claim.loanId,
  };
}

export function toDocumentType(d: ClaimDocumentEntity): ClaimDocumentType {
  return {
    id: d.id,
    kind: d.kind as ClaimDocumentKind,
    fileName: d.fileName,
    contentType: d.contentType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    uploadedAt: d.uploadedAt,
    downloadUrl: claimDocumentUrl(d.id),
  };
}

export function toRecoveryType(r: RecoveryEntity, businessDate: IsoDate): RecoveryType {
  return {
    id: r.id,
    claimId: r.claimId,
    amount: r.amount,
    receivedOn: r.receivedOn,
    amountOwedToFund: r.amountOwed,
    dueOn: r.dueOn,
    remittedOn: r.remittedOn,
    overdue: isRemittanceOverdue(r.dueOn, businessDate, r.remittedOn !== null),
    remittanceStatus: r.remittanceStatus as RemittanceStatus,
    declaredRemittedOn: r.declaredRemittedOn,
    declaredReference: r.declaredReference,
    declaredOn: r.declaredOn,
    rejectionReason: r.rejectionReason,
    rejectedOn: r.rejectedOn,
    bankStatementRef: r.bankStatementRef,
    confirmedOn: r.confirmedOn,
  };
}
