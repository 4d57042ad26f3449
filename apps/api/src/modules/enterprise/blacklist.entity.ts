import type { IsoDate } from '@ipfund/policy';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationEntity } from '../org/org.entity';
import { EnterpriseEntity } from './enterprise.entity';

export type BlacklistProposalStatus = 'PENDING' | 'APPROVED' | 'DECLINED';

/** Art 21: the fund manager proposes, the IP bureau decides once; a decision is final. */
@Entity('blacklist_proposals')
export class BlacklistProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => EnterpriseEntity, { nullable: false })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: EnterpriseEntity;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'proposed_on', type: 'date' })
  proposedOn: IsoDate;

  @Column({ name: 'proposed_by_user_id', type: 'uuid' })
  proposedByUserId: string;

  @Column({ name: 'proposed_by_org_id', type: 'uuid' })
  proposedByOrgId: string;

  @ManyToOne(() => OrganizationEntity, { nullable: false })
  @JoinColumn({ name: 'proposed_by_org_id' })
  proposedByOrg?: OrganizationEntity;

  @Column({ type: 'text', default: 'PENDING' })
  status: BlacklistProposalStatus;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: IsoDate | null;

  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true })
  decidedByUserId: string | null;

  @Column({ name: 'decided_by_org_id', type: 'uuid', nullable: true })
  decidedByOrgId: string | null;

  @ManyToOne(() => OrganizationEntity, { nullable: true })
  @JoinColumn({ name: 'decided_by_org_id' })
  decidedByOrg?: OrganizationEntity | null;

  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
