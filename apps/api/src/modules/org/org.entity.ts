import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrgKind } from '@ipfund/shared';

export type OrgStatus = 'ACTIVE' | 'RETIRED' | 'DISQUALIFIED';

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: OrgKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'short_name', type: 'text', nullable: true })
  shortName: string | null;

  @Column({ type: 'text', default: 'ACTIVE' })
  status: OrgStatus;

  @Column({ name: 'licence_no', type: 'text', nullable: true })
  licenceNo: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
