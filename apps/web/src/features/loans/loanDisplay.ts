import type { KnownLoanStatus } from './loans.graphql';

/** Art 16, 17: a bank may claim compensation once a loan is 60 days overdue. */
export const CLAIMABLE_OVERDUE_DAYS = 60;
/** Art 12: loans 15 days overdue count towards the bank's risk ratio. */
export const RISK_OVERDUE_DAYS = 15;

const STATUS_LABELS: Record<KnownLoanStatus, string> = {
  ACTIVE: '正常',
  OVERDUE: '逾期',
  CLOSED: '已结清',
  CLAIMED: '已申请补偿',
};

const STATUS_COLORS: Record<KnownLoanStatus, string> = {
  ACTIVE: 'green',
  OVERDUE: 'red',
  CLOSED: 'default',
  CLAIMED: 'purple',
};

function isKnownStatus(status: string): status is KnownLoanStatus {
  return Object.hasOwn(STATUS_LABELS, status);
}

/** Chinese label of a LoanStatus; an unknown value (a newer API) is shown as sent. */
export function loanStatusLabel(status: string): string {
  return isKnownStatus(status) ? STATUS_LABELS[status] : status;
}

export function loanStatusColor(status: string): string {
  return isKnownStatus(status) ? STATUS_COLORS[status] : 'default';
}

/** Tag colour for overdue days: red once claimable, orange once it counts as risk, none below. */
export function overdueColor(days: number): 'red' | 'orange' | undefined {
  if (days >= CLAIMABLE_OVERDUE_DAYS) return 'red';
  if (days >= RISK_OVERDUE_DAYS) return 'orange';
  return undefined;
}
