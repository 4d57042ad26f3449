import type { ClaimEntity, ClaimDocumentEntity, RecoveryEntity, StoredComputation } from './claim.entity';
import { claimDocumentUrl } from './claim-document.download';
import {
  ClaimDocumentKind,
  ClaimStatus,
  ClaimType,
  RemittanceStatus,
  type ClaimComputationType,
  type ClaimDocumentType,
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

/**
 * Entity → GraphQL. The effective split is the final one once approved. Every field is a getter
 * over the entity, computed when the response reads it: `filing` and `final` are decimal arithmetic
 * over the stored computation, and a list page (claim-list.ts) reads only the columns its fields
 * need, so a field not asked for may have no column behind it.
 */
export function toClaimType(claim: ClaimEntity, audience: ClaimAudience): ClaimType {
  return new ClaimView(claim, audience);
}

class ClaimView implements ClaimType {
  constructor(
    private readonly claim: ClaimEntity,
    private readonly audience: ClaimAudience,
  ) {}

  private get isFinal() {
    return this.claim.finalFundShare !== null;
  }
  get id() {
    return this.claim.id;
  }
  get status() {
    return this.claim.status as ClaimStatus;
  }
  get threeParty() {
    return this.claim.threeParty;
  }
  get filedOn() {
    return this.claim.filedOn;
  }
  get overdueDaysAtFiling() {
    return this.claim.overdueDaysAtFiling;
  }
  get outstandingPrincipal() {
    return this.claim.outstandingPrincipal;
  }
  get lossBase() {
    return this.claim.lossBase;
  }
  get fundShare() {
    return this.isFinal ? this.claim.finalFundShare! : this.claim.fundShare;
  }
  get guarantorShare() {
    return this.isFinal ? this.claim.finalGuarantorShare! : this.claim.guarantorShare;
  }
  get bankShare() {
    return this.isFinal ? this.claim.finalBankShare! : this.claim.bankShare;
  }
  get limitedBy() {
    return this.isFinal ? this.claim.finalLimitedBy! : this.claim.limitedBy;
  }
  get filing() {
    return computation(this.claim.computation, this.audience);
  }
  get final() {
    return this.claim.finalComputation ? computation(this.claim.finalComputation, this.audience) : null;
  }
  get approvedOn() {
    return this.claim.approvedOn;
  }
  get paidOn() {
    return this.claim.paidOn;
  }
  get payoutTransactionId() {
    return this.claim.payoutTransactionId;
  }
  get loanId() {
    return this.claim.loanId;
  }
}
// type-graphql hands a field resolver's @Root() through as is only when it is an instance of the
// object type; anything else it copies into a new one, own properties only, which would call every
// getter above (computing both computations for each field resolver of each claim) or lose them.
// The view is a ClaimType by its prototype, without ClaimType's constructor, whose field
// initialisers would shadow the getters (as loan.mapper.ts LoanRowView).
Object.setPrototypeOf(ClaimView.prototype, ClaimType.prototype);

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
