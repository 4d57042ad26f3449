import { overdueDays, type IsoDate } from '@ipfund/policy';
import { toEnterpriseRef } from '../enterprise/enterprise.mapper';
import type { EnterpriseEntity, IpAssetEntity } from '../enterprise/enterprise.entity';
import type { LoanEntity } from './loan.entity';
import type { LoanStatusReportEntity } from './loan-status-report.entity';
import type { LoanListRow } from './loan-list';
import {
  LoanStatus,
  StatusReportSource,
  type BorrowerOptionType,
  type LoanCollateralType,
  type LoanStatusReportType,
  type LoanType,
} from './loan.types';

function status(loan: LoanEntity, daysOverdue: number): LoanStatus {
  switch (loan.status) {
    case 'CLOSED':
      return LoanStatus.CLOSED;
    case 'IN_CLAIM':
      return LoanStatus.IN_CLAIM;
    case 'COMPENSATED':
      return LoanStatus.COMPENSATED;
    case 'ACTIVE':
      return daysOverdue > 0 ? LoanStatus.OVERDUE : LoanStatus.ACTIVE;
  }
}

/**
 * Entity → GraphQL, field by field: a new column reaches clients only when added here.
 * Expects bank, guarantor and enterprise to be joined (the list query loads them in one statement).
 */
export function toLoanType(loan: LoanEntity, businessDate: IsoDate): LoanType {
  if (!loan.bank || !loan.enterprise) throw new Error('toLoanType needs bank and enterprise joined');
  const days = loan.status === 'CLOSED' ? 0 : overdueDays(loan.earliestUnpaidDueDate, businessDate);
  return {
    id: loan.id,
    contractNo: loan.contractNo,
    principal: loan.principal,
    ipPledgedPrincipal: loan.ipPledgedPrincipal,
    outstandingPrincipal: loan.outstandingPrincipal,
    issuedOn: loan.issuedOn,
    maturesOn: loan.maturesOn,
    purpose: loan.purpose,
    earliestUnpaidDueDate: loan.earliestUnpaidDueDate,
    overdueDays: days,
    status: status(loan, days),
    covered: loan.covered,
    coverageReasons: loan.coverageReasons.map((r) => ({
      article: r.article,
      code: r.code,
      message: r.message,
    })),
    bank: { id: loan.bank.id, name: loan.bank.name },
    guarantor: loan.guarantor ? { id: loan.guarantor.id, name: loan.guarantor.name } : null,
    // Art 21: the blacklist flag travels with the enterprise to every partner that sees the loan.
    enterprise: toEnterpriseRef(loan.enterprise),
    acknowledgedAt: loan.acknowledgedAt,
    acknowledgedBy: loan.acknowledgedAt ? (loan.acknowledger?.displayName ?? null) : null,
    statusAsOf: loan.statusAsOf,
  };
}

function rowStatus(lifecycle: LoanEntity['status'], daysOverdue: number): LoanStatus {
  if (lifecycle === 'ACTIVE') return daysOverdue > 0 ? LoanStatus.OVERDUE : LoanStatus.ACTIVE;
  return LoanStatus[lifecycle];
}

/** A row of the lean list read (loan-list.ts) → GraphQL; the same fields as `toLoanType`. */
export function toLoanTypeFromRow(row: LoanListRow, businessDate: IsoDate): LoanType {
  const days = row.status === 'CLOSED' ? 0 : overdueDays(row.earliest_unpaid_due_date, businessDate);
  const blacklisted = row.blacklisted_since !== null;
  return {
    id: row.id,
    contractNo: row.contract_no,
    principal: row.principal,
    ipPledgedPrincipal: row.ip_pledged_principal,
    outstandingPrincipal: row.outstanding_principal,
    issuedOn: row.issued_on,
    maturesOn: row.matures_on,
    purpose: row.purpose,
    earliestUnpaidDueDate: row.earliest_unpaid_due_date,
    overdueDays: days,
    status: rowStatus(row.status, days),
    covered: row.covered,
    coverageReasons: row.coverage_reasons.map((r) => ({
      article: r.article,
      code: r.code,
      message: r.message,
    })),
    bank: { id: row.bank_id, name: row.bank_name },
    guarantor: row.guarantor_id ? { id: row.guarantor_id, name: row.guarantor_name ?? '' } : null,
    // Art 21: the blacklist flag travels with the enterprise to every partner that sees the loan.
    enterprise: {
      id: row.enterprise_id,
      name: row.enterprise_name,
      blacklisted,
      blacklistedSince: row.blacklisted_since,
      blacklistReason: blacklisted ? row.blacklist_reason : null,
    },
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_at ? row.acknowledged_by_name : null,
    statusAsOf: row.status_as_of,
  };
}

export function toCollateralType(asset: IpAssetEntity): LoanCollateralType {
  return { id: asset.id, kind: asset.kind, registrationNo: asset.registrationNo, title: asset.title };
}

export function toStatusReportType(r: LoanStatusReportEntity): LoanStatusReportType {
  return {
    id: r.id,
    asOf: r.asOf,
    outstandingPrincipal: r.outstandingPrincipal,
    earliestUnpaidDueDate: r.earliestUnpaidDueDate,
    closed: r.closed,
    source: StatusReportSource[r.source],
    fileName: r.fileName,
    businessDate: r.businessDate,
    recordedAt: r.recordedAt,
  };
}

export function toBorrowerOptionType(e: EnterpriseEntity): BorrowerOptionType {
  return {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    blacklistedSince: e.blacklistedSince,
    ipAssets: (e.ipAssets ?? []).map(toCollateralType),
  };
}
