import { subject as tagged } from '@casl/ability';
import {
  allowedClaimActions,
  claimChecklist,
  compareDates,
  isRemittanceOverdue,
  type ClaimAction,
  type IsoDate,
  type PolicyParameters,
} from '@ipfund/policy';
import { renderMessage, type MessageParams, type Operation, type OrgKind } from '@ipfund/shared';
import { abilityFor, type AppAbility, type AppSubject, type SubjectType } from '../../authz/ability';
import { actorMayTake, articleOf } from '../../authz/operations';
import { CLAIM_ACTION_OPERATION, claimSnapshot } from '../claim/claim.service';
import { OPEN_FOR_DOCUMENTS } from '../claim/claim-document.service';
import { loanActionsInState } from '../loan/loan.state';
import type { LoanType } from '../loan/loan.types';
import { bankRiskActionsInState, riskEventActionsInState } from '../risk/risk.state';
import { suspensionProposalActionsInState } from '../risk/risk.state';
import { ProposalStatus } from '../risk/risk.types';
import { blacklistProposalActionsInState } from '../enterprise/blacklist.state';
import { BlacklistProposalStatus } from '../enterprise/blacklist.types';

/**
 * The work queue's rules. A task is an operation of the operations table that one organisation may
 * take on one record *now*: its kind may take the operation (authz/operations.ts), the record is
 * among those the operation's CASL rule lets it act on (authz/ability.ts — the same rule the use case
 * locks the row with, evaluated here on the record's own fields), and the record's state allows it
 * (the same state functions `viewerCan` uses: the policy's claim state machine, loan.state.ts,
 * risk.state.ts, blacklist.state.ts). There is no second list of who does what: a change to the
 * table or to a state machine changes the work queue with it.
 *
 * The functions are pure over plain facts, so the same rules answer "what awaits me" (myTasks, for
 * the caller) and "whom does this change give work to" (the notifier, for every organisation).
 */

export const TASK_KINDS = [
  'CLAIM_FILE',
  'CLAIM_DOCUMENTS',
  'CLAIM_RESUBMIT',
  'CLAIM_CONFIRM_SHARE',
  'CLAIM_VERIFY',
  'CLAIM_CO_SIGN',
  'CLAIM_PAY',
  'LOAN_ACKNOWLEDGE',
  'REMITTANCE_DUE',
  'REMITTANCE_OVERDUE',
  'REMITTANCE_CONFIRM',
  'STATEMENT_DUE',
  'RISK_WARNING',
  'SUSPENSION_PROPOSE',
  'SUSPENSION_DECIDE',
  'BLACKLIST_DECIDE',
  'RISK_EVENT_VERIFY',
  'FUND_RESUMPTION_VOTE',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** A task's title in a language: the kind's message (`task.<KIND>`) with the task's parameters. */
export function taskTitle(task: Pick<Task, 'kind' | 'titleParams'>, lang: 'zh-CN' | 'en'): string {
  return renderMessage(`task.${task.kind}`, task.titleParams, lang) ?? task.kind;
}

/** The title fields of a task of `kind`: the Chinese text and the parameters for any language. */
function titled(kind: TaskKind, titleParams: MessageParams): { title: string; titleParams: MessageParams } {
  return { title: taskTitle({ kind, titleParams }, 'zh-CN'), titleParams };
}

/** The record a task concerns (the GraphQL union `TaskSubject`). */
export type TaskSubjectType =
  | 'Claim'
  | 'Loan'
  | 'Recovery'
  | 'SuspensionProposal'
  | 'BlacklistProposal'
  | 'BankRisk'
  | 'RiskEvent'
  | 'FundStatus'
  | 'Enterprise';

export interface Task {
  /**
   * Stable while the task is open, new when the same work comes back (a claim returned and filed
   * again gets a new verification task): kind, record and the step that opened it. Notifications are
   * keyed on it, so each task is announced once.
   */
  id: string;
  kind: TaskKind;
  operation: Operation;
  article: string;
  /** The title in Chinese (stored with notifications); `titleParams` renders it in any language. */
  title: string;
  /** The parameters of the kind's title message (`task.<KIND>` in packages/shared/src/messages.ts). */
  titleParams: MessageParams;
  /** The date the measures set for the action (a remittance), else the date the task arose. */
  dueOn: IsoDate;
  subjectType: TaskSubjectType;
  subjectId: string;
}

/** Who the rules are asked about: the caller, or any organisation the notifier considers. */
export interface TaskActor {
  orgId: string;
  orgKind: OrgKind;
  orgRetired: boolean;
}

/**
 * One organisation under the measures in force: may it take `op` on this record? Kind and retirement
 * from the operations table, the record from the operation's CASL rule.
 */
export class TaskJudge {
  private readonly ability: AppAbility;

  constructor(
    readonly actor: TaskActor,
    readonly policy: PolicyParameters,
  ) {
    this.ability = abilityFor(actor, policy);
  }

  mayTake(op: Operation): boolean {
    return actorMayTake(this.actor, op, this.policy);
  }

  may(op: Operation, type: SubjectType, fields: Record<string, unknown>): boolean {
    if (!this.mayTake(op)) return false;
    return this.ability.can(op, tagged(type, { ...fields }) as unknown as AppSubject);
  }

  /** Does the organisation read every record of the subject (the programme), not only its own? */
  readsAll(type: SubjectType): boolean {
    return this.ability.rulesFor('read', type).some((r) => !r.conditions && !r.inverted);
  }

  article(op: Operation): string {
    return articleOf(op, this.policy) ?? '';
  }
}

// ---- claims (Art 14, 17) --------------------------------------------------------------------------

export interface ClaimFacts {
  id: string;
  status: string;
  threeParty: boolean;
  bankId: string;
  guarantorId: string | null;
  filedOn: IsoDate;
  contractNo: string;
  enterpriseName: string;
}

export interface ClaimStepFacts {
  id: string;
  action: string;
  orgKind: string;
  fromStatus: string | null;
  toStatus: string;
  businessDate: IsoDate;
}

/** One task per claim and decision: either choice of a decision (verify or return …) completes it. */
const CLAIM_TASK: Partial<Record<ClaimAction, TaskKind>> = {
  RESUBMIT: 'CLAIM_RESUBMIT',
  CONFIRM_GUARANTOR_SHARE: 'CLAIM_CONFIRM_SHARE',
  VERIFY: 'CLAIM_VERIFY',
  RETURN: 'CLAIM_VERIFY',
  // The co-signature task is APPROVE's: while the fund is suspended the last signature waits for the
  // resumption (Art 19) and is no one's task until then; REJECT is the other answer to the same task.
  APPROVE: 'CLAIM_CO_SIGN',
  PAY: 'CLAIM_PAY',
};

/** The claim step that opens each claim task. */
const OPENED_BY: Record<string, readonly string[]> = {
  CLAIM_DOCUMENTS: ['SUBMIT', 'RESUBMIT'],
  CLAIM_RESUBMIT: ['RETURN'],
  CLAIM_CONFIRM_SHARE: ['SUBMIT', 'RESUBMIT'],
  CLAIM_VERIFY: ['SUBMIT', 'RESUBMIT'],
  CLAIM_CO_SIGN: ['VERIFY'],
  CLAIM_PAY: ['APPROVE'],
};

export function claimTasks(
  judge: TaskJudge,
  claim: ClaimFacts,
  steps: readonly ClaimStepFacts[],
  fundSuspended: boolean,
  documentKinds: readonly string[] = [],
): Task[] {
  const snapshot = claimSnapshot(
    { status: claim.status as Parameters<typeof claimSnapshot>[0]['status'], threeParty: claim.threeParty },
    steps,
  );
  const actions = allowedClaimActions(
    snapshot,
    judge.actor.orgKind,
    { fundSuspended, eligibility: { eligible: true, reasons: [] } },
    judge.policy,
  );
  const seen = new Set<TaskKind>();
  const tasks: Task[] = [];
  // Art 17: while the claim is open for documents and an item the measures list is missing, attaching
  // it is the bank's work (verification waits for it).
  const candidates: [TaskKind, Operation][] = actions.flatMap((a): [TaskKind, Operation][] => {
    const kind = CLAIM_TASK[a];
    return kind ? [[kind, CLAIM_ACTION_OPERATION[a]]] : [];
  });
  if (OPEN_FOR_DOCUMENTS.has(claim.status) && !claimChecklist(claim, documentKinds, judge.policy).complete)
    candidates.push(['CLAIM_DOCUMENTS', 'claim.uploadDocument']);
  for (const [kind, op] of candidates) {
    if (seen.has(kind)) continue;
    if (!judge.may(op, 'Claim', { bankId: claim.bankId, guarantorId: claim.guarantorId })) continue;
    seen.add(kind);
    // The step that opened this piece of work: the same task while it waits (another office signing,
    // the guarantor confirming), a new one when the work comes back (a claim filed again).
    const opening = [...steps].reverse().find((s) => OPENED_BY[kind].includes(s.action));
    const epoch = opening?.id ?? '0';
    tasks.push({
      id: `${kind}:${claim.id}:${epoch}`,
      kind,
      operation: op,
      article: judge.article(op),
      ...titled(kind, { enterprise: claim.enterpriseName, contract: claim.contractNo }),
      dueOn: opening?.businessDate ?? claim.filedOn,
      subjectType: 'Claim',
      subjectId: claim.id,
    });
  }
  return tasks;
}

// ---- loans (Art 14, 17) ---------------------------------------------------------------------------

export interface LoanFacts {
  id: string;
  contractNo: string;
  enterpriseName: string;
  bankId: string;
  guarantorId: string | null;
  enterpriseOrgId: string | null;
  /** The loan as the API shows it (status with OVERDUE, overdue days): what `viewerCan` decides on. */
  view: Pick<LoanType, 'status' | 'covered' | 'overdueDays' | 'acknowledgedAt' | 'guarantor'>;
  issuedOn: IsoDate;
  /** The date the loan reached the claim threshold (earliest unpaid due date + threshold days). */
  claimableFrom: IsoDate | null;
}

export function loanTasks(judge: TaskJudge, loan: LoanFacts): Task[] {
  const fields = {
    bankId: loan.bankId,
    guarantorId: loan.guarantorId,
    enterpriseOrgId: loan.enterpriseOrgId,
  };
  const inState = loanActionsInState(loan.view, judge.policy);
  const tasks: Task[] = [];
  const add = (kind: TaskKind, op: Operation, dueOn: IsoDate) => {
    if (!inState.includes(op) || !judge.may(op, 'Loan', fields)) return;
    tasks.push({
      id: `${kind}:${loan.id}`,
      kind,
      operation: op,
      article: judge.article(op),
      ...titled(kind, { enterprise: loan.enterpriseName, contract: loan.contractNo }),
      dueOn,
      subjectType: 'Loan',
      subjectId: loan.id,
    });
  };
  add('LOAN_ACKNOWLEDGE', 'loan.acknowledge', loan.issuedOn);
  if (loan.claimableFrom) add('CLAIM_FILE', 'claim.submit', loan.claimableFrom);
  return tasks;
}

// ---- recoveries (Art 18) --------------------------------------------------------------------------

export interface RecoveryFacts {
  id: string;
  claimId: string;
  bankId: string;
  guarantorId: string | null;
  amountOwed: string;
  dueOn: IsoDate;
  /** DUE, DECLARED (the bank says it remitted), REJECTED (not on the statement), CONFIRMED, NONE_OWED. */
  remittanceStatus: string;
  declaredOn: IsoDate | null;
  contractNo: string;
}

/**
 * Art 18: the bank remits the fund's share (declares it) while it is owed and not declared, or after a
 * rejected declaration; the manager confirms or rejects a declaration against the bank statement.
 */
export function recoveryTasks(judge: TaskJudge, r: RecoveryFacts, today: IsoDate): Task[] {
  const fields = { bankId: r.bankId, guarantorId: r.guarantorId };
  if (r.remittanceStatus === 'DUE' || r.remittanceStatus === 'REJECTED') {
    const op: Operation = 'recovery.remit';
    if (!judge.may(op, 'Recovery', fields)) return [];
    const overdue = isRemittanceOverdue(r.dueOn, today, false);
    const kind: TaskKind = overdue ? 'REMITTANCE_OVERDUE' : 'REMITTANCE_DUE';
    return [
      {
        id: `${kind}:${r.id}:${r.remittanceStatus === 'REJECTED' ? (r.declaredOn ?? 'r') : 'due'}`,
        kind,
        operation: op,
        article: judge.article(op),
        ...titled(kind, { amount: r.amountOwed, contract: r.contractNo }),
        dueOn: r.dueOn,
        subjectType: 'Recovery',
        subjectId: r.id,
      },
    ];
  }
  if (r.remittanceStatus === 'DECLARED') {
    const op: Operation = 'recovery.confirmRemittance';
    if (!judge.may(op, 'Recovery', fields)) return [];
    return [
      {
        id: `REMITTANCE_CONFIRM:${r.id}:${r.declaredOn ?? 'd'}`,
        kind: 'REMITTANCE_CONFIRM',
        operation: op,
        article: judge.article(op),
        ...titled('REMITTANCE_CONFIRM', { amount: r.amountOwed, contract: r.contractNo }),
        dueOn: r.declaredOn ?? r.dueOn,
        subjectType: 'Recovery',
        subjectId: r.id,
      },
    ];
  }
  return [];
}

// ---- enterprises' quarterly statements (Art 22) ---------------------------------------------------

/** An enterprise that owed a statement for an ended quarter and has not given it. */
export interface MissingStatementFacts {
  enterpriseId: string;
  enterpriseName: string;
  organizationId: string | null;
  createdByOrgId: string | null;
  quarterKey: string;
  quarterLabel: string;
  quarterEnd: IsoDate;
}

/**
 * The borrower's own duty: whoever may submit for this enterprise and reads only its own records (the
 * enterprise's login). The manager, who may submit on any borrower's behalf, reads the programme: for
 * it a missing statement is something to remind, not a task of its own.
 */
export function statementTasks(judge: TaskJudge, m: MissingStatementFacts): Task[] {
  const op: Operation = 'financials.submit';
  if (judge.readsAll('Enterprise')) return [];
  const fields = {
    organizationId: m.organizationId,
    createdByOrgId: m.createdByOrgId,
    lenderIds: [],
    guarantorIds: [],
  };
  if (!judge.may(op, 'Enterprise', fields)) return [];
  return [
    {
      id: `STATEMENT_DUE:${m.enterpriseId}:${m.quarterKey}`,
      kind: 'STATEMENT_DUE',
      operation: op,
      article: judge.article(op),
      ...titled('STATEMENT_DUE', {
        quarterLabel: m.quarterLabel,
        quarter: m.quarterKey,
        enterprise: m.enterpriseName,
      }),
      dueOn: m.quarterEnd,
      subjectType: 'Enterprise',
      subjectId: m.enterpriseId,
    },
  ];
}

// ---- supervision (Art 12, 16, 21) -----------------------------------------------------------------

export function suspensionProposalTasks(
  judge: TaskJudge,
  p: { id: string; bankId: string; bankName: string; status: string; proposedOn: IsoDate },
): Task[] {
  const ops = suspensionProposalActionsInState({ status: p.status as ProposalStatus });
  return ops
    .filter((op) => judge.may(op, 'SuspensionProposal', { bankId: p.bankId }))
    .map((op) => ({
      id: `SUSPENSION_DECIDE:${p.id}`,
      kind: 'SUSPENSION_DECIDE' as const,
      operation: op,
      article: judge.article(op),
      ...titled('SUSPENSION_DECIDE', { bank: p.bankName }),
      dueOn: p.proposedOn,
      subjectType: 'SuspensionProposal' as const,
      subjectId: p.id,
    }));
}

export function blacklistProposalTasks(
  judge: TaskJudge,
  p: { id: string; enterpriseId: string; enterpriseName: string; status: string; proposedOn: IsoDate },
): Task[] {
  const ops = blacklistProposalActionsInState({ status: p.status as BlacklistProposalStatus });
  return ops
    .filter((op) => judge.may(op, 'BlacklistProposal', { enterpriseId: p.enterpriseId }))
    .map((op) => ({
      id: `BLACKLIST_DECIDE:${p.id}`,
      kind: 'BLACKLIST_DECIDE' as const,
      operation: op,
      article: judge.article(op),
      ...titled('BLACKLIST_DECIDE', { enterprise: p.enterpriseName }),
      dueOn: p.proposedOn,
      subjectType: 'BlacklistProposal' as const,
      subjectId: p.id,
    }));
}

export function riskEventTasks(
  judge: TaskJudge,
  e: {
    id: string;
    bankId: string;
    guarantorId: string | null;
    verified: boolean;
    reportedOn: IsoDate;
    contractNo: string;
  },
): Task[] {
  return riskEventActionsInState({ verified: e.verified })
    .filter((op) => judge.may(op, 'RiskEvent', { bankId: e.bankId, guarantorId: e.guarantorId }))
    .map((op) => ({
      id: `RISK_EVENT_VERIFY:${e.id}`,
      kind: 'RISK_EVENT_VERIFY' as const,
      operation: op,
      article: judge.article(op),
      ...titled('RISK_EVENT_VERIFY', { contract: e.contractNo }),
      dueOn: e.reportedOn,
      subjectType: 'RiskEvent' as const,
      subjectId: e.id,
    }));
}

/** A bank's supervision state as risk.service computes it (ratio level, suggestion, proposal, suspension). */
export interface BankRiskFacts {
  bankId: string;
  bankName: string;
  asOf: IsoDate;
  level: 'NONE' | 'WARNING' | 'SUSPENSION_PROPOSED';
  suspended: boolean;
  suspendedSince: IsoDate | null;
  pendingProposalId: string | null;
  lastWarningOn: IsoDate | null;
  /** risk.service's suggestion: a warning is due again only after the reminder interval. */
  suggestedAction: 'NONE' | 'ISSUE_WARNING' | 'PROPOSE_SUSPENSION' | null;
}

export function bankRiskTasks(judge: TaskJudge, b: BankRiskFacts): Task[] {
  const inState = bankRiskActionsInState({
    level: b.level as never,
    suspended: b.suspended,
    suspendedSince: b.suspendedSince,
    pendingProposalId: b.pendingProposalId,
    asOf: b.asOf,
  });
  const tasks: Task[] = [];
  const add = (kind: TaskKind, op: Operation, epoch: string) => {
    if (!inState.includes(op) || !judge.may(op, 'BankRisk', { bankId: b.bankId })) return;
    tasks.push({
      id: `${kind}:${b.bankId}:${epoch}`,
      kind,
      operation: op,
      article: judge.article(op),
      ...titled(kind, { bank: b.bankName }),
      dueOn: b.asOf,
      subjectType: 'BankRisk',
      subjectId: b.bankId,
    });
  };
  if (b.suggestedAction === 'ISSUE_WARNING')
    add('RISK_WARNING', 'risk.issueWarning', b.lastWarningOn ?? 'first');
  if (b.suggestedAction === 'PROPOSE_SUSPENSION') add('SUSPENSION_PROPOSE', 'risk.proposeSuspension', b.asOf);
  return tasks;
}

// ---- the fund (Art 19) ----------------------------------------------------------------------------

/** While the fund is suspended, each voter that has not consented yet has a vote to cast. */
export function resumptionTasks(
  judge: TaskJudge,
  fund: { suspended: boolean; suspensionKey: string | null; suspendedSince: IsoDate | null },
  votedKinds: readonly string[],
): Task[] {
  const op: Operation = 'fund.consentToResume';
  if (!fund.suspended || !fund.suspensionKey || !judge.mayTake(op)) return [];
  if (votedKinds.includes(judge.actor.orgKind)) return [];
  return [
    {
      id: `FUND_RESUMPTION_VOTE:${fund.suspensionKey}`,
      kind: 'FUND_RESUMPTION_VOTE',
      operation: op,
      article: judge.article(op),
      ...titled('FUND_RESUMPTION_VOTE', {}),
      dueOn: fund.suspendedSince ?? ('1970-01-01' as IsoDate),
      subjectType: 'FundStatus',
      subjectId: 'fund',
    },
  ];
}

/** The queue's order: due date, then id (stable across pages). */
export function compareTasks(a: Task, b: Task): number {
  return compareDates(a.dueOn, b.dueOn) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
