import type { KnownTaskKind, TaskNode } from './tasks.graphql';

/** Short Chinese labels for the kinds of work (the task's own title says what and on which record). */
const KIND_LABEL: Record<KnownTaskKind, string> = {
  CLAIM_FILE: '申请补偿',
  CLAIM_DOCUMENTS: '补齐材料',
  CLAIM_RESUBMIT: '补充材料',
  CLAIM_CONFIRM_SHARE: '确认分担',
  CLAIM_VERIFY: '核实申请',
  CLAIM_CO_SIGN: '会签',
  CLAIM_PAY: '划付补偿',
  LOAN_ACKNOWLEDGE: '确认担保',
  REMITTANCE_DUE: '返还追偿款',
  REMITTANCE_OVERDUE: '返还逾期',
  REMITTANCE_CONFIRM: '确认到账',
  STATEMENT_DUE: '报送财务报表',
  RISK_WARNING: '风险预警',
  SUSPENSION_PROPOSE: '提议暂停',
  SUSPENSION_DECIDE: '审议暂停',
  BLACKLIST_DECIDE: '审议黑名单',
  RISK_EVENT_VERIFY: '核实预警',
  FUND_RESUMPTION_VOTE: '恢复补偿',
};

export function taskKindLabel(kind: string): string {
  return (KIND_LABEL as Record<string, string>)[kind] ?? kind;
}

/** Overdue work in red, work due today in orange. */
export function taskUrgency(
  task: Pick<TaskNode, 'dueOn' | 'kind'>,
  today: string,
): 'overdue' | 'today' | 'normal' {
  if (task.kind === 'REMITTANCE_OVERDUE') return 'overdue';
  if (task.kind.startsWith('REMITTANCE') && task.dueOn < today) return 'overdue';
  return task.dueOn === today ? 'today' : 'normal';
}

/**
 * Where the work is done: the page of the subject, with the record to open as `open` (a claim opens
 * in its drawer on the spot instead, see TaskList).
 */
export function taskTarget(task: TaskNode): { path: string; open?: string } {
  const s = task.subject;
  switch (s.__typename) {
    case 'Claim':
      return { path: '/claims', open: s.id };
    case 'Recovery':
      return { path: '/remittances', open: s.id };
    case 'Loan':
      return { path: '/loans', open: s.id };
    case 'BankRisk':
    case 'SuspensionProposal':
      return { path: '/risk' };
    case 'RiskEvent':
      return { path: '/risk-events', open: s.id };
    case 'BlacklistProposal':
      return { path: '/enterprises' };
    case 'FundStatus':
      return { path: '/claims' };
    case 'Enterprise':
      return { path: '/financials' };
  }
}
