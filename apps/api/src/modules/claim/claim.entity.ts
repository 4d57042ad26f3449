import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ClaimState, IsoDate } from '@ipfund/policy';
import { LoanEntity } from '../loan/loan.entity';

/** The claim states the API stores (the policy's DRAFT is never persisted: a claim is born filed). */
export type StoredClaimStatus = Exclude<ClaimState, 'DRAFT'>;

@Entity('claims')
export class ClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'loan_id', type: 'uuid' })
  loanId: string;

  @ManyToOne(() => LoanEntity, { nullable: false })
  @JoinColumn({ name: 'loan_id' })
  loan?: LoanEntity;

  @Column({ name: 'bank_id', type: 'uuid' })
  bankId: string;

  @Column({ name: 'guarantor_id', type: 'uuid', nullable: true })
  guarantorId: string | null;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @Column({ name: 'three_party', type: 'boolean' })
  threeParty: boolean;

  @Column({ type: 'text' })
  status: StoredClaimStatus;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ name: 'filed_on', type: 'date' })
  filedOn: IsoDate;

  @Column({ name: 'overdue_days_at_filing', type: 'int' })
  overdueDaysAtFiling: number;

  @Column({ name: 'outstanding_principal', type: 'numeric', precision: 18, scale: 2 })
  outstandingPrincipal: string;

  @Column({ name: 'loss_base', type: 'numeric', precision: 18, scale: 2 })
  lossBase: string;

  @Column({ name: 'fund_share', type: 'numeric', precision: 18, scale: 2 })
  fundShare: string;

  @Column({ name: 'guarantor_share', type: 'numeric', precision: 18, scale: 2 })
  guarantorShare: string;

  @Column({ name: 'bank_share', type: 'numeric', precision: 18, scale: 2 })
  bankShare: string;

  @Column({ name: 'limited_by', type: 'text' })
  limitedBy: string;

  /** The full R5 computation at filing: rates, tier, F0/F1/F, reasons with articles. */
  @Column({ type: 'jsonb' })
  computation: StoredComputation;

  @Column({ name: 'final_fund_share', type: 'numeric', precision: 18, scale: 2, nullable: true })
  finalFundShare: string | null;

  @Column({ name: 'final_guarantor_share', type: 'numeric', precision: 18, scale: 2, nullable: true })
  finalGuarantorShare: string | null;

  @Column({ name: 'final_bank_share', type: 'numeric', precision: 18, scale: 2, nullable: true })
  finalBankShare: string | null;

  @Column({ name: 'final_limited_by', type: 'text', nullable: true })
  finalLimitedBy: string | null;

  @Column({ name: 'final_computation', type: 'jsonb', nullable: true })
  finalComputation: StoredComputation | null;

  @Column({ name: 'approved_on', type: 'date', nullable: true })
  approvedOn: IsoDate | null;

  @Column({ name: 'paid_on', type: 'date', nullable: true })
  paidOn: IsoDate | null;

  @Column({ name: 'payout_transaction_id', type: 'uuid', nullable: true })
  payoutTransactionId: string | null;

  @Column({ name: 'policy_id', type: 'text' })
  policyId: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** R5 as stored: every amount a string, every reason with its article. */
export interface StoredComputation {
  asOf: IsoDate;
  lossBase: string;
  tier: string;
  tierCapRate: string;
  fundRate: string;
  fundShareBeforeCaps: string;
  fundShareAfterLoanCap: string;
  fundShare: string;
  guarantorRate: string | null;
  guarantorShare: string;
  bankShare: string;
  limitedBy: string;
  enterpriseYearCompensatedSoFar: string;
  reasons: { article: string; code: string; message: string }[];
}

@Entity('claim_events')
export class ClaimEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'org_kind', type: 'text' })
  orgKind: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'business_date', type: 'date' })
  businessDate: IsoDate;

  @Column({ name: 'occurred_at', type: 'timestamptz', insert: false, update: false })
  occurredAt: Date;
}

@Entity('claim_documents')
export class ClaimDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** Not selected by default: lists never load file contents. */
  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @Column({ name: 'uploaded_org_id', type: 'uuid' })
  uploadedOrgId: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz', insert: false, update: false })
  uploadedAt: Date;
}

@Entity('recoveries')
export class RecoveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ name: 'bank_id', type: 'uuid' })
  bankId: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: IsoDate;

  @Column({ name: 'amount_owed', type: 'numeric', precision: 18, scale: 2 })
  amountOwed: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: IsoDate;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ name: 'receivable_transaction_id', type: 'uuid', nullable: true })
  receivableTransactionId: string | null;

  @Column({ name: 'remitted_on', type: 'date', nullable: true })
  remittedOn: IsoDate | null;

  @Column({ name: 'remittance_transaction_id', type: 'uuid', nullable: true })
  remittanceTransactionId: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  /**
   * Where the fund's share stands (Art 18): NONE_OWED (nothing to return), DUE (owed, nothing
   * declared), DECLARED (the bank says it remitted; awaits the manager), REJECTED (the manager did
   * not find it on the statement; the bank declares again), CONFIRMED (received and posted).
   */
  @Column({ name: 'remittance_status', type: 'text', default: 'DUE' })
  remittanceStatus: RemittanceStatus;

  @Column({ name: 'declared_remitted_on', type: 'date', nullable: true })
  declaredRemittedOn: IsoDate | null;

  @Column({ name: 'declared_reference', type: 'text', nullable: true })
  declaredReference: string | null;

  @Column({ name: 'declared_by', type: 'uuid', nullable: true })
  declaredBy: string | null;

  @Column({ name: 'declared_on', type: 'date', nullable: true })
  declaredOn: IsoDate | null;

  @Column({ name: 'declaration_key', type: 'text', nullable: true })
  declarationKey: string | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ name: 'rejected_by', type: 'uuid', nullable: true })
  rejectedBy: string | null;

  @Column({ name: 'rejected_on', type: 'date', nullable: true })
  rejectedOn: IsoDate | null;

  @Column({ name: 'bank_statement_ref', type: 'text', nullable: true })
  bankStatementRef: string | null;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @Column({ name: 'confirmed_on', type: 'date', nullable: true })
  confirmedOn: IsoDate | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}

export const REMITTANCE_STATUSES = ['NONE_OWED', 'DUE', 'DECLARED', 'REJECTED', 'CONFIRMED'] as const;
export type RemittanceStatus = (typeof REMITTANCE_STATUSES)[number];
