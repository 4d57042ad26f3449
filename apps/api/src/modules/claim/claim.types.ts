import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CLAIM_ACTIONS } from '@ipfund/policy';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { OrganizationType } from '../org/org.types';
import { PageInfoType } from '../loan/loan.types';
import { RuleReasonType } from '../../graphql/rule-reason.type';
import { MaxLength, TEXT_LIMITS } from '../../graphql/text';

export enum ClaimStatus {
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  GUARANTOR_CONFIRMED = 'GUARANTOR_CONFIRMED',
  VERIFIED = 'VERIFIED',
  APPROVED = 'APPROVED',
  PAID = 'PAID',
  REJECTED = 'REJECTED',
}
registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: 'R6: APPROVED = all three offices signed (final approval)',
});

export const ClaimActionEnum = Object.fromEntries(CLAIM_ACTIONS.map((a) => [a, a])) as {
  [K in (typeof CLAIM_ACTIONS)[number]]: K;
};
registerEnumType(ClaimActionEnum, { name: 'ClaimAction' });

export enum ClaimDecision {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(ClaimDecision, { name: 'ClaimDecision' });

export enum ClaimDocumentKind {
  LOAN_CONTRACT = 'LOAN_CONTRACT',
  PLEDGE_REGISTRATION = 'PLEDGE_REGISTRATION',
  OVERDUE_PROOF = 'OVERDUE_PROOF',
  COLLECTION_RECORD = 'COLLECTION_RECORD',
  GUARANTOR_CONFIRMATION = 'GUARANTOR_CONFIRMATION',
  OTHER = 'OTHER',
}
registerEnumType(ClaimDocumentKind, {
  name: 'ClaimDocumentKind',
  description:
    '借款合同 / 质押登记 / 逾期证明 / 催收记录 / 担保机构确认函 / 其他 (packages/policy CLAIM_DOCUMENT_KINDS)',
});

@ObjectType('ClaimChecklistItem', {
  description: 'One of the materials the measures list for a claim (policy parameter claimDocuments, Art 17)',
})
export class ClaimChecklistItemType {
  @Field(() => ClaimDocumentKind)
  kind: ClaimDocumentKind;
  @Field()
  label: string;
  @Field({
    description: 'Needed for this claim (a guarantor\u2019s confirmation only on a three-party loan)',
  })
  required: boolean;
  @Field({ description: 'At least one document of this kind is attached' })
  present: boolean;
}

@ObjectType('ClaimComputation', {
  description: 'R5 (Art 11, 14): how the loss base is split, with the limit that bound',
})
export class ClaimComputationType {
  @Field(() => DateScalar)
  asOf: string;
  @Field(() => DecimalScalar, { description: 'B = O × IP-pledged principal ÷ principal' })
  lossBase: string;
  @Field({ description: 'LOW (< tier threshold) or HIGH' })
  tier: string;
  @Field()
  tierCapRate: string;
  @Field({ description: 'f from the cooperation agreement' })
  fundRate: string;
  @Field(() => DecimalScalar, { description: 'F0 = B × f' })
  fundShareBeforeCaps: string;
  @Field(() => DecimalScalar, { description: 'F1 = min(F0, per-loan cap)' })
  fundShareAfterLoanCap: string;
  @Field(() => DecimalScalar, { description: 'F = min(F1, enterprise-year remainder)' })
  fundShare: string;
  @Field(() => String, { nullable: true })
  guarantorRate: string | null;
  @Field(() => DecimalScalar)
  guarantorShare: string;
  @Field(() => DecimalScalar)
  bankShare: string;
  @Field()
  limitedBy: string;
  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Σ F already approved for the enterprise in the year, over every bank that lends to it. ' +
      "An aggregate of other banks' claims: null unless the caller reads every claim (DOMAIN §2)",
  })
  enterpriseYearCompensatedSoFar: string | null;
  @Field(() => DecimalScalar, {
    description: "How much the enterprise-year cap (Art 11) reduced this claim's fund share: F1 − F",
  })
  enterpriseYearCapReduction: string;
  @Field(() => [RuleReasonType], { description: 'Each step with its article' })
  reasons: RuleReasonType[];
}

@ObjectType('ClaimApproval', { description: 'An office decision (Art 17)' })
export class ClaimApprovalType {
  @Field(() => OrganizationType)
  organization: OrganizationType;
  @Field(() => ClaimDecision)
  decision: ClaimDecision;
  @Field(() => String, { nullable: true })
  comment: string | null;
  @Field()
  decidedAt: Date;
  @Field(() => DateScalar)
  businessDate: string;
}

@ObjectType('ClaimStep', { description: 'Every transition: who, which organisation, when, comment (R6)' })
export class ClaimStepType {
  @Field(() => ClaimActionEnum)
  action: string;
  @Field(() => ClaimStatus, { nullable: true })
  fromStatus: ClaimStatus | null;
  @Field(() => ClaimStatus)
  toStatus: ClaimStatus;
  @Field(() => OrganizationType)
  organization: OrganizationType;
  @Field()
  userDisplayName: string;
  @Field(() => String, { nullable: true })
  comment: string | null;
  @Field()
  occurredAt: Date;
  @Field(() => DateScalar)
  businessDate: string;
}

@ObjectType('ClaimDocument')
export class ClaimDocumentType {
  @Field(() => ID)
  id: string;
  @Field(() => ClaimDocumentKind)
  kind: ClaimDocumentKind;
  @Field()
  fileName: string;
  @Field()
  contentType: string;
  @Field(() => Int)
  sizeBytes: number;
  @Field({ description: 'SHA-256 of the content, hex' })
  sha256: string;
  @Field()
  uploadedAt: Date;
  @Field({
    description:
      'Where the content is downloaded over HTTP (GET with the same Authorization as GraphQL; 404 when not visible)',
  })
  downloadUrl: string;
}

@ObjectType('ClaimDocumentContent')
export class ClaimDocumentContentType {
  @Field(() => ClaimDocumentType)
  document: ClaimDocumentType;
  @Field()
  contentBase64: string;
}

/**
 * Where the fund's share of a recovery stands (Art 18). Work queues: DUE and REJECTED wait for the
 * bank's declaration, DECLARED waits for the fund manager's confirmation against the bank statement.
 */
export enum RemittanceStatus {
  /** Nothing is owed to the fund for this recovery. */
  NONE_OWED = 'NONE_OWED',
  /** Owed; the bank has not declared a remittance. */
  DUE = 'DUE',
  /** The bank declared it remitted; awaits the manager's confirmation (nothing posted yet). */
  DECLARED = 'DECLARED',
  /** The manager did not find it on the statement; the bank declares again. */
  REJECTED = 'REJECTED',
  /** Received in the special account and posted (REMITTANCE_RECEIVED). */
  CONFIRMED = 'CONFIRMED',
}
registerEnumType(RemittanceStatus, {
  name: 'RemittanceStatus',
  description:
    "Where the fund's share of a recovery stands (Art 18): declared by the bank, confirmed by the manager",
});

@ObjectType('Recovery', { description: 'Art 18: a recovery and the fund\u2019s share owed back' })
export class RecoveryType {
  @Field(() => ID)
  id: string;
  @Field(() => ID)
  claimId: string;
  @Field(() => DecimalScalar)
  amount: string;
  @Field(() => DateScalar)
  receivedOn: string;
  @Field(() => DecimalScalar, { description: 'R × F ÷ B' })
  amountOwedToFund: string;
  @Field(() => DateScalar, { description: 'received + 30 days' })
  dueOn: string;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date the money reached the special account, as the fund manager confirmed it',
  })
  remittedOn: string | null;
  @Field({ description: 'Not remitted and past due at the business date' })
  overdue: boolean;
  @Field(() => RemittanceStatus)
  remittanceStatus: RemittanceStatus;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The date the bank says it remitted (its declaration)',
  })
  declaredRemittedOn: string | null;
  @Field(() => String, { nullable: true, description: "The bank's own transfer reference, if it gave one" })
  declaredReference: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The business date of the declaration' })
  declaredOn: string | null;
  @Field(() => String, { nullable: true, description: 'Why the manager rejected the last declaration' })
  rejectionReason: string | null;
  @Field(() => DateScalar, { nullable: true })
  rejectedOn: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The bank statement reference the manager confirmed against',
  })
  bankStatementRef: string | null;
  @Field(() => DateScalar, { nullable: true })
  confirmedOn: string | null;
}

@ObjectType('ClaimLoanRef')
export class ClaimLoanRefType {
  @Field(() => ID)
  id: string;
  @Field()
  contractNo: string;
  @Field()
  bankName: string;
  @Field()
  enterpriseName: string;
  @Field(() => String, { nullable: true })
  guarantorName: string | null;
  @Field(() => DecimalScalar)
  principal: string;
  @Field(() => DecimalScalar)
  ipPledgedPrincipal: string;
}

@ObjectType('Claim')
export class ClaimType {
  @Field(() => ID)
  id: string;
  @Field(() => ClaimStatus)
  status: ClaimStatus;
  @Field()
  threeParty: boolean;
  @Field(() => DateScalar)
  filedOn: string;
  @Field(() => Int)
  overdueDaysAtFiling: number;
  @Field(() => DecimalScalar, { description: 'O at filing' })
  outstandingPrincipal: string;
  @Field(() => DecimalScalar)
  lossBase: string;
  @Field(() => DecimalScalar, {
    description: 'F: final (at the final approval) once approved, else as filed',
  })
  fundShare: string;
  @Field(() => DecimalScalar)
  guarantorShare: string;
  @Field(() => DecimalScalar)
  bankShare: string;
  @Field()
  limitedBy: string;
  @Field(() => ClaimComputationType, { name: 'filing' })
  filing: ClaimComputationType;
  @Field(() => ClaimComputationType, { name: 'final', nullable: true })
  final: ClaimComputationType | null;
  @Field(() => DateScalar, { nullable: true })
  approvedOn: string | null;
  @Field(() => DateScalar, { nullable: true })
  paidOn: string | null;
  @Field(() => String, { nullable: true })
  payoutTransactionId: string | null;
  /** Resolved by field resolvers (batched). */
  loanId: string;
}

@ObjectType('ClaimEdge')
export class ClaimEdgeType {
  @Field()
  cursor: string;
  @Field(() => ClaimType)
  node: ClaimType;
}

@ObjectType('ClaimConnection')
export class ClaimConnectionType {
  @Field(() => Int)
  totalCount: number;
  @Field(() => [ClaimEdgeType])
  edges: ClaimEdgeType[];
  @Field(() => PageInfoType)
  pageInfo: PageInfoType;
}

@InputType()
export class SubmitClaimInput {
  @Field(() => ID)
  loanId: string;
  @Field({ description: 'Client-chosen key: the same key again returns the same claim' })
  @MaxLength(TEXT_LIMITS.key)
  idempotencyKey: string;
  @Field(() => String, { nullable: true })
  @MaxLength(TEXT_LIMITS.comment)
  comment?: string;
}

@InputType()
export class UploadClaimDocumentInput {
  @Field(() => ID)
  claimId: string;
  @Field(() => ClaimDocumentKind)
  kind: ClaimDocumentKind;
  @Field()
  @MaxLength(TEXT_LIMITS.fileName)
  fileName: string;
  @Field()
  @MaxLength(TEXT_LIMITS.label)
  contentType: string;
  @Field({ description: 'File content, base64 (≤ 10 MB decoded)' })
  @MaxLength(TEXT_LIMITS.base64File)
  contentBase64: string;
}

@InputType()
export class RecordRecoveryInput {
  @Field(() => ID)
  claimId: string;
  @Field(() => DecimalScalar)
  amount: string;
  @Field(() => DateScalar)
  receivedOn: string;
  @Field({ nullable: true, description: 'Optional; the same key again returns the same recovery' })
  @MaxLength(TEXT_LIMITS.key)
  idempotencyKey?: string;
}

@InputType('RemittanceDeclarationInput')
export class RemittanceDeclarationInput {
  @Field(() => DateScalar, { nullable: true, description: 'The date the bank transferred the money' })
  remittedOn?: string | null;
  @Field(() => String, { nullable: true, description: "The bank's transfer reference" })
  @MaxLength(TEXT_LIMITS.label)
  reference?: string | null;
}

@InputType('ConfirmRemittanceInput')
export class ConfirmRemittanceInput {
  @Field(() => ID)
  recoveryId: string;
  @Field({ description: 'The reference of the credit on the special account\u2019s bank statement' })
  @MaxLength(TEXT_LIMITS.label)
  bankStatementRef: string;
  @Field(() => DateScalar, { description: 'The date the money reached the special account' })
  receivedOn: string;
}
