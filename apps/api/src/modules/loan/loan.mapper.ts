import { overdueDays, type IsoDate } from '@ipfund/policy';
import { toEnterpriseRef } from '../enterprise/enterprise.mapper';
import type { EnterpriseEntity, IpAssetEntity } from '../enterprise/enterprise.entity';
import type { LoanEntity } from './loan.entity';
import type { LoanStatusReportEntity } from './loan-status-report.entity';
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
