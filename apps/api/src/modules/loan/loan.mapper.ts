import { overdueDays, type IsoDate } from '@ipfund/policy';
import type { LoanEntity } from './loan.entity';
import { LoanStatus, type LoanType } from './loan.types';

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
    enterprise: { id: loan.enterprise.id, name: loan.enterprise.name },
  };
}
