import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { IsoDate } from '@ipfund/policy';
import { OrganizationEntity } from '../org/org.entity';

/**
 * One version of a bank's cooperation agreement (Art 8, 11, 14). Append-only: a new version is a new
 * row; the version in force on a date is the latest `effectiveFrom` on or before it. Rates are exact
 * decimal strings (numeric(5,4)).
 */
@Entity('cooperation_agreements')
export class CooperationAgreementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'bank_id', type: 'uuid' })
  bankId: string;

  @ManyToOne(() => OrganizationEntity, { nullable: false })
  @JoinColumn({ name: 'bank_id' })
  bank?: OrganizationEntity;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom: IsoDate;

  @Column({ name: 'fund_rate_low_tier', type: 'numeric', precision: 5, scale: 4 })
  fundRateLowTier: string;

  @Column({ name: 'fund_rate_high_tier', type: 'numeric', precision: 5, scale: 4 })
  fundRateHighTier: string;

  /** The guarantor's share on this bank's three-party loans; null when it makes none. */
  @Column({ name: 'guarantor_rate', type: 'numeric', precision: 5, scale: 4, nullable: true })
  guarantorRate: string | null;

  /** Business date it was recorded. */
  @Column({ name: 'recorded_on', type: 'date' })
  recordedOn: IsoDate;

  @Column({ name: 'recorded_by_user_id', type: 'uuid' })
  recordedByUserId: string;

  @Column({ name: 'recorded_by_org_id', type: 'uuid' })
  recordedByOrgId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
