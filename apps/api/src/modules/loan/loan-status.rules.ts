import { compareDates, Money, type IsoDate } from '@ipfund/policy';
import type { LoanEntity } from './loan.entity';

/** A status as a bank reports it (Art 12, 16). The amount is an exact two-decimal string. */
export interface StatusReport {
  asOf: IsoDate;
  outstandingPrincipal: string;
  earliestUnpaidDueDate: IsoDate | null;
}

export type StatusField = 'loan' | 'asOf' | 'outstandingPrincipal' | 'earliestUnpaidDueDate';

export interface StatusProblem {
  field: StatusField;
  code: string;
  reason: string;
}

type LoanFacts = Pick<
  LoanEntity,
  'status' | 'principal' | 'issuedOn' | 'maturesOn' | 'statusAsOf' | 'contractNo'
>;

/**
 * Every reason a status report cannot be taken, the same for a single report and for each row of
 * a loan tape. Empty: the report is acceptable.
 */
export function statusReportProblems(loan: LoanFacts, report: StatusReport, today: IsoDate): StatusProblem[] {
  const problems: StatusProblem[] = [];
  if (loan.status !== 'ACTIVE') {
    problems.push({
      field: 'loan',
      code: 'LOAN_NOT_ACTIVE',
      reason: `Loan ${loan.contractNo} is ${loan.status}: only active loans take status reports`,
    });
    return problems;
  }
  if (compareDates(report.asOf, today) > 0) {
    problems.push({
      field: 'asOf',
      code: 'AS_OF_AFTER_BUSINESS_DATE',
      reason: `asOf ${report.asOf} is after the business date ${today}`,
    });
  }
  if (compareDates(report.asOf, loan.issuedOn) < 0) {
    problems.push({
      field: 'asOf',
      code: 'AS_OF_BEFORE_ISSUE',
      reason: `asOf ${report.asOf} is before the issue date ${loan.issuedOn}`,
    });
  } else if (loan.statusAsOf && compareDates(report.asOf, loan.statusAsOf) < 0) {
    problems.push({
      field: 'asOf',
      code: 'AS_OF_BEFORE_LAST_REPORT',
      reason: `asOf ${report.asOf} is before the last report (${loan.statusAsOf})`,
    });
  }
  const outstanding = Money.of(report.outstandingPrincipal);
  if (outstanding.gt(Money.of(loan.principal))) {
    problems.push({
      field: 'outstandingPrincipal',
      code: 'OUTSTANDING_EXCEEDS_PRINCIPAL',
      reason: `Outstanding ${outstanding.toString()} exceeds the principal ${loan.principal}`,
    });
  }
  const due = report.earliestUnpaidDueDate;
  if (due) {
    if (outstanding.isZero()) {
      problems.push({
        field: 'earliestUnpaidDueDate',
        code: 'REPAID_WITH_UNPAID_DUE_DATE',
        reason: 'A repaid loan (outstanding 0) has no unpaid due date',
      });
    } else if (compareDates(due, loan.issuedOn) < 0) {
      problems.push({
        field: 'earliestUnpaidDueDate',
        code: 'DUE_DATE_BEFORE_ISSUE',
        reason: `Due date ${due} is before the issue date ${loan.issuedOn}`,
      });
    } else if (compareDates(due, loan.maturesOn) > 0) {
      problems.push({
        field: 'earliestUnpaidDueDate',
        code: 'DUE_DATE_AFTER_MATURITY',
        reason: `Due date ${due} is after the maturity date ${loan.maturesOn}`,
      });
    }
  }
  return problems;
}
