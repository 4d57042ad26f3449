import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IsoDate } from '@ipfund/policy';

/**
 * Persistence only. A borrower's quarterly financial statement and use of the loan (Art 22): one row
 * per submission; a correction is the next version of the same (enterprise, quarter) with its
 * reason. Append-only (migration 1764202700000-ReportsAndFinancials): never `save`/`update`.
 */
@Entity('enterprise_financial_statements')
export class FinancialStatementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  /** "2026-Q3". */
  @Column({ type: 'text' })
  quarter: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  revenue: string;

  @Column({ name: 'net_profit', type: 'numeric', precision: 18, scale: 2 })
  netProfit: string;

  @Column({ name: 'total_assets', type: 'numeric', precision: 18, scale: 2 })
  totalAssets: string;

  @Column({ name: 'total_liabilities', type: 'numeric', precision: 18, scale: 2 })
  totalLiabilities: string;

  @Column({ name: 'rnd_spending', type: 'numeric', precision: 18, scale: 2 })
  rndSpending: string;

  @Column({ name: 'loan_use', type: 'text' })
  loanUse: string;

  @Column({ name: 'correction_reason', type: 'text', nullable: true })
  correctionReason: string | null;

  @Column({ name: 'submitted_on', type: 'date' })
  submittedOn: IsoDate;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy: string;

  @Column({ name: 'submitted_by_org_id', type: 'uuid' })
  submittedByOrgId: string;

  @Column({ name: 'submitted_org_kind', type: 'text' })
  submittedOrgKind: string;

  @Column({ name: 'submitted_at', type: 'timestamptz', insert: false, update: false })
  submittedAt: Date;
}

/** The manager's reminder to an enterprise whose statement for a quarter is missing (Art 22). */
@Entity('financial_statement_reminders')
export class FinancialStatementReminderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enterprise_id', type: 'uuid' })
  enterpriseId: string;

  @Column({ type: 'text' })
  quarter: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'reminded_on', type: 'date' })
  remindedOn: IsoDate;

  @Column({ name: 'reminded_by', type: 'uuid' })
  remindedBy: string;

  @Column({ name: 'reminded_by_org_id', type: 'uuid' })
  remindedByOrgId: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}
