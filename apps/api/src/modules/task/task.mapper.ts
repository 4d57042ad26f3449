import type { IsoDate } from '@ipfund/policy';
import type { Lang } from '@ipfund/shared';
import { toClaimType, toRecoveryType } from '../claim/claim.mapper';
import { toBlacklistProposalType } from '../enterprise/blacklist.mapper';
import { toEnterpriseType } from '../enterprise/enterprise.mapper';
import type { FundStatusType } from '../ledger/ledger.types';
import { toLoanType } from '../loan/loan.mapper';
import { toBankRiskType, toRiskEventType, toSuspensionProposalType } from '../risk/risk.mapper';
import { taskTitle, type Task } from './task.rules';
import type { TaskSubjects } from './task.service';
import { tagSubject, type TaskType } from './task.types';

export interface TaskAudience {
  today: IsoDate;
  readsAllClaims: boolean;
  /** The fund's status as the caller reads it, when a task concerns the fund. */
  fundStatus: FundStatusType | null;
  /** The language of the title. */
  lang: Lang;
}

/** Task → GraphQL, with its subject mapped by the subject's own mapper (field by field). */
export function toTaskType(task: Task, subjects: TaskSubjects, audience: TaskAudience): TaskType {
  return {
    id: task.id,
    kind: task.kind,
    title: taskTitle(task, audience.lang),
    dueOn: task.dueOn,
    operation: task.operation,
    article: task.article,
    subject: tagSubject(subjectOf(task, subjects, audience), task.subjectType) as TaskType['subject'],
  };
}

function subjectOf(task: Task, s: TaskSubjects, audience: TaskAudience): object {
  const missing = () => new Error(`Task ${task.id} without its ${task.subjectType}`);
  switch (task.subjectType) {
    case 'Claim': {
      const c = s.claims.get(task.subjectId);
      if (!c) throw missing();
      return toClaimType(c, { readsAllClaims: audience.readsAllClaims });
    }
    case 'Loan': {
      const l = s.loans.get(task.subjectId);
      if (!l) throw missing();
      return toLoanType(l, audience.today);
    }
    case 'Recovery': {
      const r = s.recoveries.get(task.subjectId);
      if (!r) throw missing();
      return toRecoveryType(r, audience.today);
    }
    case 'SuspensionProposal': {
      const p = s.suspensionProposals.get(task.subjectId);
      if (!p) throw missing();
      return toSuspensionProposalType(p);
    }
    case 'BlacklistProposal': {
      const p = s.blacklistProposals.get(task.subjectId);
      if (!p) throw missing();
      return toBlacklistProposalType(p);
    }
    case 'RiskEvent': {
      const e = s.riskEvents.get(task.subjectId);
      if (!e) throw missing();
      return toRiskEventType(e);
    }
    case 'BankRisk': {
      const b = s.bankRisks.get(task.subjectId);
      if (!b) throw missing();
      return toBankRiskType(b);
    }
    case 'Enterprise': {
      const e = s.enterprises.get(task.subjectId);
      if (!e) throw missing();
      return toEnterpriseType(e);
    }
    case 'FundStatus':
      if (!audience.fundStatus) throw missing();
      return { ...audience.fundStatus };
  }
}
