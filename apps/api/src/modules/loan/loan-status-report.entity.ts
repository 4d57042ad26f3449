import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IsoDate } from '@ipfund/policy';

/** How a status reached the ledger: at registration, one report, or a row of an uploaded loan tape. */
export type StatusReportSource = 'REGISTRATION' | 'REPORT' | 'TAPE';

/** One status a bank reported for a loan (Art 12, 16). Append-only: the database refuses edits. */
@Entity('loan_status_reports')
export class LoanStatusReportEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'loan_id', type: 'uuid' })
  loanId: string;

  @Column({ name: 'as_of', type: 'date' })
  asOf: IsoDate;

  @Column({ name: 'outstanding_principal', type: 'numeric', precision: 18, scale: 2 })
  outstandingPrincipal: string;

  @Column({ name: 'earliest_unpaid_due_date', type: 'date', nullable: true })
  earliestUnpaidDueDate: IsoDate | null;

  @Column({ type: 'boolean' })
  closed: boolean;

  @Column({ type: 'text' })
  source: StatusReportSource;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName: string | null;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedBy: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'business_date', type: 'date' })
  businessDate: IsoDate;

  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false, update: false })
  recordedAt: Date;
}
