import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { IsoDate } from '@ipfund/policy';
import { OrganizationEntity } from '../org/org.entity';
import { UserNameEntity } from '../org/user-name.entity';
import { LoanEntity } from '../loan/loan.entity';

export type ProposalStatus = 'PENDING' | 'CONSENTED' | 'DECLINED';

/** Art 12: the manager's proposal to suspend a bank at ≥ 8 %; the IP bureau decides it once. */
@Entity('suspension_proposals')
export class SuspensionProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'bank_id', type: 'uuid' })
  bankId: string;

  @ManyToOne(() => OrganizationEntity, { nullable: false })
  @JoinColumn({ name: 'bank_id' })
  bank?: OrganizationEntity;

  @Column({ name: 'proposed_on', type: 'date' })
  proposedOn: IsoDate;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  numerator: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  denominator: string;

  @Column({ type: 'text' })
  comment: string;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy: string;

  @ManyToOne(() => UserNameEntity, { nullable: false, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'proposed_by' })
  proposer?: UserNameEntity;

  @Column({ type: 'text', default: 'PENDING' })
  status: ProposalStatus;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: IsoDate | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => UserNameEntity, { nullable: true, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'decided_by' })
  decider?: UserNameEntity | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Art 12: a bank suspended from `suspendedFrom` (inclusive) until `liftedOn` (exclusive; open while null). */
@Entity('bank_suspensions')
export class BankSuspensionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'bank_id', type: 'uuid' })
  bankId: string;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @Column({ name: 'suspended_from', type: 'date' })
  suspendedFrom: IsoDate;

  @Column({ name: 'lifted_on', type: 'date', nullable: true })
  liftedOn: IsoDate | null;

  @Column({ name: 'lifted_by', type: 'uuid', nullable: true })
  liftedBy: string | null;

  @Column({ name: 'lift_comment', type: 'text', nullable: true })
  liftComment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export type RiskNoticeKind = 'WARNING' | 'SUSPENSION' | 'SUSPENSION_LIFTED';

/** Art 12: what a bank is told — a warning, the suspension notice, or the lift. Append-only. */
@Entity('risk_notices')
export class RiskNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'bank_id', type: 'uuid' })
  bankId: string;

  @ManyToOne(() => OrganizationEntity, { nullable: false })
  @JoinColumn({ name: 'bank_id' })
  bank?: OrganizationEntity;

  @Column({ type: 'text' })
  kind: RiskNoticeKind;

  @Column({ name: 'business_date', type: 'date' })
  businessDate: IsoDate;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  numerator: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  denominator: string | null;

  @Column({ type: 'text' })
  comment: string;

  @Column({ name: 'issued_by', type: 'uuid' })
  issuedBy: string;

  @ManyToOne(() => UserNameEntity, { nullable: false, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'issued_by' })
  issuer?: UserNameEntity;

  @Column({ name: 'issuer_org_id', type: 'uuid' })
  issuerOrgId: string;

  @ManyToOne(() => OrganizationEntity, { nullable: false })
  @JoinColumn({ name: 'issuer_org_id' })
  issuerOrg?: OrganizationEntity;

  @Column({ name: 'suspension_id', type: 'uuid', nullable: true })
  suspensionId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export type RiskEventKind = 'OVERDUE' | 'DETERIORATION' | 'OTHER';

/** Art 16: an early warning on a loan, and the manager's record of the joint verification. */
@Entity('risk_events')
export class RiskEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'loan_id', type: 'uuid' })
  loanId: string;

  @ManyToOne(() => LoanEntity, { nullable: false })
  @JoinColumn({ name: 'loan_id' })
  loan?: LoanEntity;

  @Column({ type: 'text' })
  kind: RiskEventKind;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'reported_on', type: 'date' })
  reportedOn: IsoDate;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedBy: string;

  @ManyToOne(() => UserNameEntity, { nullable: false, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'reported_by' })
  reporter?: UserNameEntity;

  @Column({ name: 'reporter_org_id', type: 'uuid' })
  reporterOrgId: string;

  @ManyToOne(() => OrganizationEntity, { nullable: false })
  @JoinColumn({ name: 'reporter_org_id' })
  reporterOrg?: OrganizationEntity;

  @Column({ type: 'text', nullable: true })
  verification: string | null;

  @Column({ type: 'text', nullable: true })
  measures: string | null;

  @Column({ name: 'contract_suspended', type: 'boolean', nullable: true })
  contractSuspended: boolean | null;

  @Column({ name: 'verified_on', type: 'date', nullable: true })
  verifiedOn: IsoDate | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy: string | null;

  @ManyToOne(() => UserNameEntity, { nullable: true, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'verified_by' })
  verifier?: UserNameEntity | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
