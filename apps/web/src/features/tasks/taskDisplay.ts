import { i18n } from '../../i18n';
import { zh } from './i18n';
import type { TaskNode } from './tasks.graphql';

/**
 * The short label of a kind of work in the current language (tasks.kind.*; the task's own title says
 * what and on which record); an unknown kind as sent.
 */
export function taskKindLabel(kind: string): string {
  return Object.hasOwn(zh.kind, kind) ? i18n.t(`tasks.kind.${kind}`) : kind;
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
