import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IsoDate } from '@ipfund/policy';

/**
 * Persistence only. An issued operation report (Art 6.6): the computed figures frozen as JSON with
 * the sha256 of their canonical text; a correction is the next version with its reason. Append-only
 * (migration 1764202700000-ReportsAndFinancials).
 */
@Entity('fund_report_versions')
export class FundReportVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** "2026-Q4" or "2026". */
  @Column({ type: 'text' })
  period: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  content: unknown;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: IsoDate;

  @Column({ name: 'issued_by', type: 'uuid' })
  issuedBy: string;

  @Column({ name: 'issued_by_org_id', type: 'uuid' })
  issuedByOrgId: string;

  @Column({ name: 'issued_at', type: 'timestamptz', insert: false, update: false })
  issuedAt: Date;
}

/** One office's acknowledgement of one issued version. */
@Entity('fund_report_acknowledgements')
export class FundReportAcknowledgementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'report_version_id', type: 'uuid' })
  reportVersionId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'org_kind', type: 'text' })
  orgKind: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'acknowledged_on', type: 'date' })
  acknowledgedOn: IsoDate;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', insert: false, update: false })
  acknowledgedAt: Date;
}
