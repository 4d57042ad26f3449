import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { IsoDate } from '@ipfund/policy';
import { OrganizationEntity } from '../org/org.entity';
import { UserNameEntity } from '../org/user-name.entity';
import { EnterpriseEntity, IpAssetEntity } from '../enterprise/enterprise.entity';

/** Stored lifecycle; OVERDUE is derived from the earliest unpaid due date and the business date. */
export type LoanLifecycle = 'ACTIVE' | 'CLOSED' | 'IN_CLAIM' | 'COMPENSATED';

export interface StoredReason {
  article: string;
  code: string;
  message: string;
}

@Entity('loans')
export class LoanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Insertion order; pg returns bigint as a string. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'contract_no', type: 'text' })
  contractNo: string;

  @Column({ name: 'bank_id', type: 'uuid' })
  bankId: string;

  @ManyToOne(() => OrganizationEntity, { nullable: false })
  @JoinColumn({ name: 'bank_id' })
  bank?: OrganizationEntity;

  @Column({ name: 'guarantor_id', type: 'uuid', nullable: true })
  guarantorId: string | null;

  @ManyToOne(() => OrganizationEntity, { nullable: true })
  @JoinColumn({ name: 'guarantor_id' })
  guarantor?: OrganizationEntity | null;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => EnterpriseEntity, { nullable: false })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: EnterpriseEntity;

  /** Yuan as an exact decimal string (numeric(18,2)); never a JS number. */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  principal: string;

  @Column({ name: 'ip_pledged_principal', type: 'numeric', precision: 18, scale: 2 })
  ipPledgedPrincipal: string;

  @Column({ name: 'outstanding_principal', type: 'numeric', precision: 18, scale: 2 })
  outstandingPrincipal: string;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: IsoDate;

  @Column({ name: 'matures_on', type: 'date' })
  maturesOn: IsoDate;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ name: 'earliest_unpaid_due_date', type: 'date', nullable: true })
  earliestUnpaidDueDate: IsoDate | null;

  @Column({ type: 'text', default: 'ACTIVE' })
  status: LoanLifecycle;

  @Column({ name: 'status_as_of', type: 'date', nullable: true })
  statusAsOf: IsoDate | null;

  @Column({ type: 'boolean', default: false })
  covered: boolean;

  @Column({ name: 'coverage_reasons', type: 'jsonb', default: () => "'[]'::jsonb" })
  coverageReasons: StoredReason[];

  /** Art 11, 14: when the guarantor of a three-party loan acknowledged it, and who did. */
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy: string | null;

  @ManyToOne(() => UserNameEntity, { nullable: true, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'acknowledged_by' })
  acknowledger?: UserNameEntity | null;

  @ManyToMany(() => IpAssetEntity)
  @JoinTable({
    name: 'loan_collateral',
    joinColumn: { name: 'loan_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'ip_asset_id', referencedColumnName: 'id' },
  })
  collateral?: IpAssetEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
