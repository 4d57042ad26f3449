import type { IsoDate } from '@ipfund/policy';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
} from 'typeorm';

export type IpAssetKind = 'PATENT' | 'TRADEMARK';

@Entity('enterprises')
export class EnterpriseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The enterprise's own login organisation (DOMAIN.md §2: it sees only its own loans). */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'text' })
  name: string;

  /** 统一社会信用代码 (GB 32100-2015), 18 characters. */
  @Column({ name: 'credit_code', type: 'char', length: 18 })
  creditCode: string;

  @Column({ type: 'text', default: '' })
  district: string;

  @Column({ type: 'text', default: '' })
  industry: string;

  /** Art 21: disqualified from this date; its later loans are not covered. */
  @Column({ name: 'blacklisted_since', type: 'date', nullable: true })
  blacklistedSince: IsoDate | null;

  @Column({ name: 'blacklist_reason', type: 'text', nullable: true })
  blacklistReason: string | null;

  /** The organisation that added it to the library (a bank sees what it added before lending); null = seeded. */
  @Column({ name: 'created_by_org_id', type: 'uuid', nullable: true })
  createdByOrgId: string | null;

  /** Insertion order, the keyset of the enterprise list; pg returns bigint as a string. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @OneToMany(() => IpAssetEntity, (a) => a.enterprise)
  ipAssets?: IpAssetEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A patent (专利权) or trademark (商标专用权) the enterprise can pledge (Art 2, 4). */
@Entity('ip_assets')
export class IpAssetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @ManyToOne(() => EnterpriseEntity, (e) => e.ipAssets, { nullable: false })
  @JoinColumn({ name: 'enterprise_id' })
  enterprise?: EnterpriseEntity;

  @Column({ type: 'text' })
  kind: IpAssetKind;

  @Column({ name: 'registration_no', type: 'text' })
  registrationNo: string;

  @Column({ type: 'text' })
  title: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
