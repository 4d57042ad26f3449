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
  LoanType,
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

/**
 * A row of the lean list read (loan-list.ts) → GraphQL; the same fields as `toLoanType`. A page reads
 * only the columns its fields need (`pageColumns`), so every value is computed when read: a field
 * the response did not ask for is never built from columns the row does not have. (Getters on a
 * prototype: a page of rows makes no closures.)
 */
export function toLoanTypeFromRow(row: LoanListRow, businessDate: IsoDate): LoanType {
  return new LoanRowView(row, businessDate);
}

class LoanRowView implements LoanType {
  constructor(
    private readonly row: LoanListRow,
    private readonly businessDate: IsoDate,
  ) {}

  get id() {
    return this.row.id;
  }
  get contractNo() {
    return this.row.contract_no;
  }
  get principal() {
    return this.row.principal;
  }
  get ipPledgedPrincipal() {
    return this.row.ip_pledged_principal;
  }
  get outstandingPrincipal() {
    return this.row.outstanding_principal;
  }
  get issuedOn() {
    return this.row.issued_on;
  }
  get maturesOn() {
    return this.row.matures_on;
  }
  get purpose() {
    return this.row.purpose;
  }
  get earliestUnpaidDueDate() {
    return this.row.earliest_unpaid_due_date;
  }
  get overdueDays() {
    return this.row.status === 'CLOSED'
      ? 0
      : overdueDays(this.row.earliest_unpaid_due_date, this.businessDate);
  }
  get status() {
    return rowStatus(this.row.status, this.overdueDays);
  }
  get covered() {
    return this.row.covered;
  }
  get coverageReasons() {
    return this.row.coverage_reasons.map((r) => ({ article: r.article, code: r.code, message: r.message }));
  }
  get bank() {
    return { id: this.row.bank_id, name: this.row.bank_name };
  }
  get guarantor() {
    const row = this.row;
    return row.guarantor_id ? { id: row.guarantor_id, name: row.guarantor_name ?? '' } : null;
  }
  // Art 21: the blacklist flag travels with the enterprise to every partner that sees the loan.
  get enterprise() {
    const row = this.row;
    const blacklisted = row.blacklisted_since !== null;
    return {
      id: row.enterprise_id,
      name: row.enterprise_name,
      blacklisted,
      blacklistedSince: row.blacklisted_since,
      blacklistReason: blacklisted ? row.blacklist_reason : null,
    };
  }
  get acknowledgedAt() {
    return this.row.acknowledged_at;
  }
  get acknowledgedBy() {
    return this.row.acknowledged_at ? this.row.acknowledged_by_name : null;
  }
  get statusAsOf() {
    return this.row.status_as_of;
  }
}
// type-graphql passes a field resolver's @Root() through `convertToType`, which copies a root that is
// not an instance of the object type into a new one, own properties only: the view's getters would
// be lost (and every row copied). The view is a LoanType by its prototype, without LoanType's
// constructor, whose field initialisers would shadow the getters.
Object.setPrototypeOf(LoanRowView.prototype, LoanType.prototype);

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
